package dev.riskplatform.batch.input;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.risk.DayCompleteness;
import dev.riskplatform.io.RawBarColumns;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks one day's raw rows, read as columns (risk-io {@link RawBarColumns}). Nothing is dropped
 * silently: every excluded row is counted.
 * <ul>
 *   <li>invalid: other symbol/interval, open time outside the day or not aligned, close time not
 *       open + I − 1, any price non-finite or ≤ 0, high &lt; low, open or close outside [low, high],
 *       negative or non-finite volume;</li>
 *   <li>duplicate: a valid row whose open time an earlier valid row already has (the first, in
 *       file order, is kept, except that a real bar replaces a stored gap bar of the same minute);</li>
 *   <li>gap bars ({@code gap = true}: no trade in the interval, OHLC = previous close, volume 0) are kept
 *       in the bars (the feature series has them anyway) but are not observations: {@code barsPresent}
 *       counts real bars only;</li>
 *   <li>gaps: expected bars (86,400,000 / I) minus present real bars (stored gap bars included).</li>
 * </ul>
 */
public final class BarValidator {

    private BarValidator() {
    }

    /** @param files the partition's files in manifest/key order, each in file order */
    public static ValidatedDay validate(String symbol, BarInterval interval, LocalDate date, List<RawBarColumns> files) {
        long dayStart = date.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        int expected = (int) (86_400_000L / interval.millis());
        // A valid row is aligned inside the day: its slot in the day is its identity, and slot order is time order
        // (+1: with an interval that does not divide the day, an epoch-aligned day can start one more bar).
        Bar[] slots = new Bar[expected + 1];
        int invalid = 0, duplicates = 0, distinct = 0, present = 0;
        for (RawBarColumns f : files) {
            for (int i = 0; i < f.size(); i++) {
                if (!valid(symbol, interval, dayStart, f, i)) {
                    invalid++;
                    continue;
                }
                int s = slot(f, i, dayStart, interval);
                Bar held = slots[s];
                if (held == null) distinct++;
                else if (held.gap() && !f.gap()[i]) duplicates++; // a real bar beats a gap bar of its minute
                else {
                    duplicates++;
                    continue;
                }
                slots[s] = toBar(symbol, interval, f, i);
            }
        }
        List<Bar> clean = new ArrayList<>(distinct);
        for (Bar b : slots) {
            if (b == null) continue;
            clean.add(b);
            if (!b.gap()) present++;
        }
        return new ValidatedDay(date, clean, new DayCompleteness(present, expected, duplicates, invalid));
    }

    private static int slot(RawBarColumns f, int i, long dayStart, BarInterval interval) {
        return (int) ((f.openTime()[i] - dayStart) / interval.millis());
    }

    static boolean valid(String symbol, BarInterval interval, long dayStart, RawBarColumns f, int i) {
        if (!symbol.equals(f.symbol()[i]) || !interval.code().equals(f.interval()[i])) return false;
        long t = f.openTime()[i];
        if (t < dayStart || t >= dayStart + 86_400_000L || t != interval.openTime(t)) return false;
        if (f.closeTime()[i] != t + interval.millis() - 1) return false;
        double o = f.open()[i], h = f.high()[i], l = f.low()[i], c = f.close()[i], v = f.volume()[i];
        if (!positive(o) || !positive(h) || !positive(l) || !positive(c)) return false;
        if (h < l || c < l || c > h || o < l || o > h) return false;
        return v >= 0 && !Double.isInfinite(v);
    }

    /** Only for rows {@link #valid} accepted (risk-core's Bar refuses the others). */
    private static Bar toBar(String symbol, BarInterval interval, RawBarColumns f, int i) {
        return new Bar(symbol, interval, f.openTime()[i], f.closeTime()[i], f.open()[i], f.high()[i], f.low()[i], f.close()[i],
                f.volume()[i], f.quoteVolume()[i], f.vwap()[i], f.tradeCount()[i], f.firstTradeId()[i], f.lastTradeId()[i], f.gap()[i]);
    }

    private static boolean positive(double v) {
        return v > 0 && Double.isFinite(v);
    }
}
