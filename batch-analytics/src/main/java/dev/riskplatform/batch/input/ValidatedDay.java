package dev.riskplatform.batch.input;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.risk.DayBars;
import dev.riskplatform.core.risk.DayCompleteness;
import java.time.LocalDate;
import java.util.List;

/**
 * One day's valid distinct bars in time order (stored gap bars included, flagged {@code gap}), with what
 * was excluded and how much is missing ({@code completeness.barsPresent} counts real bars only).
 */
public record ValidatedDay(LocalDate date, List<Bar> bars, DayCompleteness completeness) {

    /** The bars as the columns risk-core's daily metrics read. */
    public DayBars columns() {
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
}
