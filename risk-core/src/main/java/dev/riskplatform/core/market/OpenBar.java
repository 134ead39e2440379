package dev.riskplatform.core.market;

import java.math.BigDecimal;

/**
 * A bar still accepting trades. Every field is an order-independent reduction (min, max,
 * exact sum, earliest/latest by (time, id)) so the closed bar does not depend on the order
 * in which trades arrived.
 */
final class OpenBar {

    final long openTime;
    private final TradeIds ids = new TradeIds();
    private long openKeyTime = Long.MAX_VALUE, openKeyId = Long.MAX_VALUE;
    private long closeKeyTime = Long.MIN_VALUE, closeKeyId = Long.MIN_VALUE;
    private double open, close;
    private double high = Double.NEGATIVE_INFINITY, low = Double.POSITIVE_INFINITY;
    // Exact sums: a double sum would depend on arrival order in its last bits.
    private BigDecimal volume = BigDecimal.ZERO, quoteVolume = BigDecimal.ZERO;
    private long minId = Long.MAX_VALUE, maxId = Long.MIN_VALUE;
    /** When the earliest of its trades was published (Kafka), if the caller said. */
    long firstPublishTime = Long.MAX_VALUE;

    OpenBar(long openTime) {
        this.openTime = openTime;
    }

    /** Adds the trade; false when its id is already in this bar (a duplicate). */
    boolean add(Trade t) {
        if (!ids.add(t.tradeId())) return false;
        long time = t.tradeTime(), id = t.tradeId();
        double p = t.priceDouble();
        // open = earliest trade by (time, id); close = latest by (time, id).
        if (time < openKeyTime || (time == openKeyTime && id < openKeyId)) {
            openKeyTime = time; openKeyId = id; open = p;
        }
        if (time > closeKeyTime || (time == closeKeyTime && id > closeKeyId)) {
            closeKeyTime = time; closeKeyId = id; close = p;
        }
        high = Math.max(high, p);
        low = Math.min(low, p);
        volume = volume.add(t.quantity());
        quoteVolume = quoteVolume.add(t.price().multiply(t.quantity()));
        minId = Math.min(minId, id);
        maxId = Math.max(maxId, id);
        return true;
    }

    long maxId() {
        return maxId;
    }

    Bar toBar(String symbol, BarInterval interval) {
        double v = volume.doubleValue(), qv = quoteVolume.doubleValue();
        // vwap = sum(p*q) / sum(q); a bar of zero-quantity prints falls back to its close.
        double vwap = volume.signum() > 0 ? qv / v : close;
        return new Bar(symbol, interval, openTime, openTime + interval.millis() - 1, open, high, low, close,
                v, qv, vwap, ids.size(), minId, maxId, false);
    }
}
