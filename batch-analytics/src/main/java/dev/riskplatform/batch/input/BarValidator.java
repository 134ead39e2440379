package dev.riskplatform.batch.input;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.risk.DayCompleteness;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks one day's raw rows. Nothing is dropped silently: every excluded row is counted.
 * <ul>
 *   <li>invalid: other symbol/interval, open time outside the day or not aligned, close time not
 *       open + I − 1, any price non-finite or ≤ 0, high &lt; low, open or close outside [low, high],
 *       negative or non-finite volume;</li>
 *   <li>duplicate: a valid row whose open time an earlier valid row already has (the first, in
 *       file order, is kept);</li>
 *   <li>gaps: expected bars (86,400,000 / I) minus valid distinct bars.</li>
 * </ul>
 */
public final class BarValidator {

    private BarValidator() {
    }

    public static ValidatedDay validate(String symbol, BarInterval interval, LocalDate date, List<RawBar> rows) {
        long dayStart = date.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        long dayEnd = dayStart + 86_400_000L;
        Set<Long> seen = new HashSet<>();
        List<Bar> clean = new ArrayList<>();
        int invalid = 0, duplicates = 0;
        for (RawBar r : rows) {
            Bar bar = toBar(symbol, interval, dayStart, dayEnd, r);
            if (bar == null) invalid++;
            else if (!seen.add(bar.openTime())) duplicates++;
            else clean.add(bar);
        }
        clean.sort(Comparator.comparingLong(Bar::openTime));
        int expected = (int) (86_400_000L / interval.millis());
        return new ValidatedDay(date, clean, new DayCompleteness(clean.size(), expected, duplicates, invalid));
    }

    /** The row as a risk-core Bar, or null when it is out of range. */
    static Bar toBar(String symbol, BarInterval interval, long dayStart, long dayEnd, RawBar r) {
        if (!symbol.equals(r.symbol()) || !interval.code().equals(r.interval())) return null;
        if (r.openTime() < dayStart || r.openTime() >= dayEnd || r.openTime() != interval.openTime(r.openTime())) return null;
        if (r.closeTime() != r.openTime() + interval.millis() - 1) return null;
        if (!positive(r.open()) || !positive(r.high()) || !positive(r.low()) || !positive(r.close())) return null;
        if (r.high() < r.low() || outside(r.close(), r) || outside(r.open(), r)) return null;
        if (!(r.volume() >= 0) || Double.isInfinite(r.volume())) return null;
        return new Bar(r.symbol(), interval, r.openTime(), r.closeTime(), r.open(), r.high(), r.low(), r.close(),
                r.volume(), r.quoteVolume(), r.vwap(), r.tradeCount(), r.firstTradeId(), r.lastTradeId(), r.gap());
    }

    private static boolean positive(double v) {
        return v > 0 && Double.isFinite(v);
    }

    private static boolean outside(double price, RawBar r) {
        return price < r.low() || price > r.high();
    }
}
