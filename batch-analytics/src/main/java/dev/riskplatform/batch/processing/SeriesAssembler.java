package dev.riskplatform.batch.processing;

import dev.riskplatform.core.market.Bar;
import java.util.ArrayList;
import java.util.List;

/**
 * The bar series features are computed over: warm-up look-back + the day, contiguous in time.
 * <ul>
 *   <li>look-back: the previous day(s)' valid bars with open time ≥ dayStart − history × I (FeatureSpec.historyBars), plus the
 *       last one before that (it anchors the gap fill), so the day's first bar already has features;</li>
 *   <li>missing intervals between two real bars become gap bars (OHLC = previous close, volume 0),
 *       exactly as the detector's BarBuilder emits them, so window lengths in bars are lengths in time.</li>
 * </ul>
 */
public final class SeriesAssembler {

    private SeriesAssembler() {
    }

    /** @param lookback earlier bars in time order; @param day the day's bars in time order */
    public static Series assemble(List<Bar> lookback, List<Bar> day, long dayStart, int historyBars) {
        long from = dayStart - historyBars * (day.isEmpty() ? 0 : day.get(0).interval().millis());
        int first = 0;
        for (int i = 0; i < lookback.size(); i++) if (lookback.get(i).openTime() < from) first = i;
        List<Bar> series = new ArrayList<>();
        for (Bar b : lookback.subList(first, lookback.size())) appendFilling(series, b);
        int dayIndex = -1;
        for (Bar b : day) {
            appendFilling(series, b);
            if (dayIndex < 0) dayIndex = series.size() - 1;
        }
        // Gap bars filled between the look-back and the day's first bar that fall inside the day belong to it.
        while (dayIndex > 0 && series.get(dayIndex - 1).openTime() >= dayStart) dayIndex--;
        return new Series(series, Math.max(dayIndex, 0));
    }

    private static void appendFilling(List<Bar> series, Bar b) {
        if (!series.isEmpty()) {
            Bar prev = series.get(series.size() - 1);
            long step = b.interval().millis();
            for (long t = prev.openTime() + step; t < b.openTime(); t += step) {
                series.add(Bar.gap(b.symbol(), b.interval(), t, prev.close()));
            }
        }
        series.add(b);
    }

    /** {@code bars[dayIndex..]} belong to the day. */
    public record Series(List<Bar> bars, int dayIndex) {
    }
}
