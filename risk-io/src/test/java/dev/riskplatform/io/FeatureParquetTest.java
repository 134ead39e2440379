package dev.riskplatform.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.riskplatform.core.features.FeatureEngine;
import dev.riskplatform.core.features.FeatureMatrix;
import dev.riskplatform.core.features.FeatureSpec;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeatureParquetTest {

    @Test
    void aFeatureMatrixRoundTripsExactly() {
        int n = 500;
        Random r = new Random(3);
        long[] open = new long[n];
        double[] close = new double[n];
        double p = 100;
        for (int i = 0; i < n; i++) {
            open[i] = 60_000L * i;
            close[i] = p *= Math.exp(0.001 * r.nextGaussian());
        }
        FeatureMatrix m = FeatureEngine.computeAll(FeatureSpec.v1Defaults(), open, close, null);
        FeatureParquet codec = new FeatureParquet(FeatureSpec.v1Defaults());

        FeatureMatrix back = codec.readMatrix(codec.write(m));

        assertArrayEquals(m.openTimes(), back.openTimes());
        assertArrayEquals(m.closes(), back.closes(), 0.0);
        assertArrayEquals(m.values(), back.values(), 0.0);
    }

    @Test
    void barsAreNotAFeatureDataset() {
        var m1 = dev.riskplatform.core.market.BarInterval.parse("1m");
        byte[] bars = new BarParquet().write(java.util.List.of(new dev.riskplatform.core.market.Bar("BTCUSDT", m1, 0, 59_999,
                1, 1, 1, 1, 1, 1, 1, 1, 1, 1, false)));
        assertThrows(ParquetFormatException.class, () -> new FeatureParquet(FeatureSpec.defaults()).readMatrix(bars));
    }
}
