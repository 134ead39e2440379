package dev.riskplatform.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The stream's rolling 24 h figures, at a UTC day's last bar, equal the batch's daily ones for that day, bit for bit. */
class RollingIntradayRiskTest {

    private static final BarInterval M1 = BarInterval.parse("1m");
    private static final long MIN = 60_000L;

    @Test
    void atADaysLastBarTheWindowIsThatDayAsTheBatchSeesIt() {
        LocalDate day = LocalDate.of(2024, 3, 2);
        long dayStart = day.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        Random rnd = new Random(5);
        RollingIntradayRisk rolling = new RollingIntradayRisk(M1);
        List<Bar> today = new ArrayList<>();
        double p = 100;
        RollingIntradayRisk.Snapshot last = null;
        for (long open = dayStart - 1440 * MIN; open < dayStart + 1440 * MIN; open += MIN) {
            if (rnd.nextInt(50) == 0) continue; // a minute without any bar (the stream's gap bars come below)
            p *= Math.exp(0.001 * rnd.nextGaussian());
            boolean gap = rnd.nextInt(40) == 0;
            Bar b = gap ? Bar.gap("X", M1, open, p) : bar(open, p);
            last = rolling.onBar(b);
            if (open >= dayStart) today.add(b);
        }
        DailyRiskMetrics batch = DailyRiskCalculator.compute("X", day, dayBars(today), nanHistory(), new DayScores(0, null, "m", 1),
                new DayCompleteness(today.size(), 1440, 0, 0));
        assertEquals(today.stream().filter(b -> !b.gap()).count(), last.bars());
        assertEquals(batch.realizedVolatility(), last.realizedVolatility());
        assertEquals(batch.intraday1m().var99(), last.var99());
        assertEquals(batch.intraday1m().es99(), last.es99());
    }

    @Test
    void fewerThanTwoBarsHaveNoReturnAndOldBarsLeaveTheWindow() {
        RollingIntradayRisk rolling = new RollingIntradayRisk(M1);
        assertNull(rolling.onBar(bar(0, 100)).var99());
        assertEquals(0.01, rolling.onBar(bar(MIN, 99)).var99(), 1e-3, "one return: ln(99/100)");
        RollingIntradayRisk.Snapshot dayLater = rolling.onBar(bar(MIN + 86_400_000L, 120));
        assertEquals(1, dayLater.bars(), "the bars of 24 h before and earlier are out");
        assertNull(dayLater.realizedVolatility());
    }

    /**
     * After every bar, the figures equal the batch formulas applied to the window's closes from scratch: prices on a
     * coarse tick (many equal returns, so ties at the VaR quantile), minutes without bars, gap bars and pauses of more
     * than a day that empty the window.
     */
    @Test
    void everySnapshotEqualsTheFormulasOverTheWindowFromScratch() {
        Random rnd = new Random(11);
        RollingIntradayRisk rolling = new RollingIntradayRisk(M1);
        List<long[]> window = new ArrayList<>(); // {open time, close bits}
        double p = 100;
        long open = 0;
        for (int step = 0; step < 6000; step++) {
            open += rnd.nextInt(300) == 0 ? (1000 + rnd.nextInt(1000)) * MIN : MIN;
            p = Math.max(0.5, Math.round(p * Math.exp(0.004 * rnd.nextGaussian()) * 2) / 2.0); // a 0.5 tick
            boolean gap = rnd.nextInt(40) == 0;
            RollingIntradayRisk.Snapshot got = rolling.onBar(gap ? Bar.gap("X", M1, open, p) : bar(open, p));
            long from = open - RollingIntradayRisk.WINDOW_MILLIS;
            window.removeIf(e -> e[0] <= from);
            if (!gap) window.add(new long[] {open, Double.doubleToLongBits(p)});
            double[] closes = window.stream().mapToDouble(e -> Double.longBitsToDouble(e[1])).toArray();
            double[] returns = IntradayRisk.logReturns(closes);
            double[] sorted = IntradayRisk.sorted(returns);
            assertEquals(window.size(), got.bars(), "bars at step " + step);
            assertEquals(IntradayRisk.realizedVolatility(returns), got.realizedVolatility(), "volatility at step " + step);
            assertEquals(IntradayRisk.valueAtRisk(sorted, RollingIntradayRisk.CONFIDENCE), got.var99(), "VaR at step " + step);
            assertEquals(IntradayRisk.expectedShortfall(sorted, RollingIntradayRisk.CONFIDENCE), got.es99(), "ES at step " + step);
        }
    }

    private static Bar bar(long open, double close) {
        return new Bar("X", M1, open, open + MIN - 1, close, close, close, close, 1, close, close, 1, open, open, false);
    }

    private static DayBars dayBars(List<Bar> bars) {
        int n = bars.size();
        long[] t = new long[n];
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n];
        boolean[] g = new boolean[n];
        for (int i = 0; i < n; i++) {
            Bar b = bars.get(i);
            t[i] = b.openTime();
            o[i] = b.open();
            h[i] = b.high();
            l[i] = b.low();
            c[i] = b.close();
            g[i] = b.gap();
        }
        return new DayBars(t, o, h, l, c, g);
    }

    private static double[] nanHistory() {
        double[] h = new double[DailyRiskCalculator.HISTORY_DAYS];
        Arrays.fill(h, Double.NaN);
        return h;
    }
}
