package dev.riskplatform.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The columnar bulk reader returns exactly what the record reader returns (one row group here). */
class BarColumnsParquetTest {

    @Test
    void columnsEqualRecordReader() {
        Random rnd = new Random(9);
        BarInterval m1 = BarInterval.parse("1m");
        List<Bar> bars = new ArrayList<>();
        double p = 100;
        for (int i = 0; i < 50_000; i++) {
            double o = p;
            p *= Math.exp(0.001 * rnd.nextGaussian());
            long t = 1_700_000_040_000L + i * 60_000L;
            bars.add(new Bar("BTCUSDT", m1, t, t + 59_999, o, Math.max(o, p) + 1, Math.min(o, p) - 0.5, p, 1, p, p, 1, i, i, false));
        }
        byte[] file = new BarParquet().write(bars);
        List<Bar> records = new BarParquet().read(file);
        BarColumnsParquet.BarColumns c = BarColumnsParquet.read(file);
        assertEquals(records.size(), c.size());
        for (int i = 0; i < c.size(); i++) {
            Bar b = records.get(i);
            assertEquals(b.openTime(), c.openTime()[i]);
            assertEquals(b.open(), c.open()[i], 0.0);
            assertEquals(b.high(), c.high()[i], 0.0);
            assertEquals(b.low(), c.low()[i], 0.0);
            assertEquals(b.close(), c.close()[i], 0.0);
        }
    }
}
