package dev.riskplatform.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.riskplatform.core.risk.DailyRiskMetrics;
import dev.riskplatform.io.DailyMetricsParquet;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Gap bars stored in raw/bars/ (gap = true: no trade in the minute, OHLC = previous close, volume 0) are
 * not observations: not in barsPresent, no zero returns in the distribution VaR/ES/volatility read; the
 * return across a gap is ln(next real close / last real close), counted once.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class GapBarsMetricsTest extends BatchTestBase {

    private static final String SYMBOL = "GAPBARUSDT";
    private static final LocalDate DAY = LocalDate.of(2024, 8, 5);

    @Test
    void storedGapBarsAreNotObservations() {
        List<RawBar> real = BatchFixtures.day(SYMBOL, DAY, 61, 25_000);
        List<RawBar> raw = new ArrayList<>();
        List<RawBar> observed = new ArrayList<>();
        double prevClose = 25_000;
        for (int i = 0; i < real.size(); i++) {
            RawBar b = real.get(i);
            // minutes 0..9 (before the day's first trade) and 600..899 had no trade: the writer stored gap bars.
            if (i < 10 || (i >= 600 && i < 900)) {
                raw.add(new RawBar(SYMBOL, "1m", b.openTime(), b.closeTime(), prevClose, prevClose, prevClose, prevClose,
                        0, 0, prevClose, 0, -1, -1, true));
            } else {
                raw.add(b);
                observed.add(b);
                prevClose = b.close();
            }
        }
        BatchFixtures.writeRaw(writer, SYMBOL, DAY, raw);
        runner.run(SYMBOL, DAY, DAY);
        DailyRiskMetrics m = new DailyMetricsParquet().read(metricsFile(SYMBOL, DAY)).get(0);

        assertEquals(1130, m.barsPresent(), "gap bars are not observed bars");
        assertEquals(310, m.gaps());
        assertEquals(observed.get(0).open(), m.open(), 0.0, "open of the first real bar, not a carried close");

        // Returns between consecutive real closes: 1129 of them, the one across minutes 600..899 counted once.
        double[] r = new double[observed.size() - 1];
        double sumSq = 0;
        for (int i = 1; i < observed.size(); i++) {
            r[i - 1] = Math.log(observed.get(i).close() / observed.get(i - 1).close());
            sumSq += r[i - 1] * r[i - 1];
        }
        Arrays.sort(r);
        int k95 = (int) Math.ceil(0.05 * r.length), k99 = (int) Math.ceil(0.01 * r.length);
        assertEquals(-r[k95 - 1], m.intraday1m().var95(), 1e-15);
        assertEquals(-r[k99 - 1], m.intraday1m().var99(), 1e-15);
        double es = 0;
        for (int i = 0; i < k95; i++) es += r[i];
        assertEquals(-es / k95, m.intraday1m().es95(), 1e-15);
        assertEquals(Math.sqrt(sumSq) * Math.sqrt(365), m.realizedVolatility(), 1e-12);
    }
}
