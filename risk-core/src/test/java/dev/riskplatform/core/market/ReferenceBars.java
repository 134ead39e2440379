package dev.riskplatform.core.market;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A plain, obviously-correct bar builder for tests: sort, group, reduce, fill gaps. */
final class ReferenceBars {

    private ReferenceBars() {}

    static List<Bar> build(String symbol, BarInterval interval, List<Trade> trades) {
        Map<Long, Trade> byId = new LinkedHashMap<>();
        for (Trade t : trades) byId.putIfAbsent(t.tradeId(), t);
        TreeMap<Long, List<Trade>> groups = new TreeMap<>();
        for (Trade t : byId.values()) groups.computeIfAbsent(interval.openTime(t.tradeTime()), k -> new ArrayList<>()).add(t);
        List<Bar> out = new ArrayList<>();
        for (var e : groups.entrySet()) {
            if (!out.isEmpty()) {
                Bar prev = out.get(out.size() - 1);
                for (long o = prev.openTime() + interval.millis(); o < e.getKey(); o += interval.millis()) {
                    out.add(Bar.gap(symbol, interval, o, prev.close()));
                }
            }
            out.add(reduce(symbol, interval, e.getKey(), e.getValue()));
        }
        return out;
    }

    private static Bar reduce(String symbol, BarInterval interval, long open, List<Trade> ts) {
        List<Trade> s = new ArrayList<>(ts);
        s.sort(Comparator.comparingLong(Trade::tradeTime).thenComparingLong(Trade::tradeId));
        BigDecimal vol = BigDecimal.ZERO, quote = BigDecimal.ZERO;
        double hi = Double.NEGATIVE_INFINITY, lo = Double.POSITIVE_INFINITY;
        for (Trade t : s) {
            vol = vol.add(t.quantity());
            quote = quote.add(t.price().multiply(t.quantity()));
            hi = Math.max(hi, t.priceDouble());
            lo = Math.min(lo, t.priceDouble());
        }
        double close = s.get(s.size() - 1).priceDouble();
        double vwap = vol.signum() > 0 ? quote.doubleValue() / vol.doubleValue() : close;
        long minId = s.stream().mapToLong(Trade::tradeId).min().orElseThrow();
        long maxId = s.stream().mapToLong(Trade::tradeId).max().orElseThrow();
        return new Bar(symbol, interval, open, open + interval.millis() - 1, s.get(0).priceDouble(), hi, lo, close,
                vol.doubleValue(), quote.doubleValue(), vwap, s.size(), minId, maxId, false);
    }
}
