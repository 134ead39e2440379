package dev.riskplatform.detector.live;

import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * A symbol's last {@code capacity} bars (time, OHLC, score, threshold) in a ring of primitive arrays, so
 * opening a symbol's chart from the market view starts with its recent bars. Bounded: with the 60 bars
 * {@link MarketBoard} keeps, 60 × (8 + 6 × 8) bytes of arrays plus headers, about 3.5 KB a symbol
 * (7 MB for 2,000). Bars are kept in arrival order, a bar not newer than the last one is not kept.
 */
final class SymbolBars {

    private static final int FIELDS = 6; // open, high, low, close, score, threshold (NaN when unscored)
    private final long[] openTimes;
    private final double[] values;
    private int next;
    private int size;

    SymbolBars(int capacity) {
        openTimes = new long[capacity];
        values = new double[capacity * FIELDS];
    }

    synchronized void add(long openTime, double open, double high, double low, double close, double score, double threshold) {
        if (size > 0 && openTime <= openTimes[(next + openTimes.length - 1) % openTimes.length]) return;
        openTimes[next] = openTime;
        int v = next * FIELDS;
        values[v] = open;
        values[v + 1] = high;
        values[v + 2] = low;
        values[v + 3] = close;
        values[v + 4] = score;
        values[v + 5] = threshold;
        next = (next + 1) % openTimes.length;
        size = Math.min(size + 1, openTimes.length);
    }

    /** Oldest first, each bar in the shape of a risk event (docs/topics.md) so the page draws it the same way. */
    synchronized void writeTo(String symbol, ArrayNode out) {
        for (int k = 0; k < size; k++) {
            int i = (next - size + k + openTimes.length) % openTimes.length;
            int v = i * FIELDS;
            var o = out.addObject().put("symbol", symbol).put("openTime", openTimes[i])
                    .put("open", values[v]).put("high", values[v + 1]).put("low", values[v + 2]).put("close", values[v + 3]);
            if (!Double.isNaN(values[v + 4])) o.put("score", values[v + 4]);
            if (!Double.isNaN(values[v + 5])) o.put("threshold", values[v + 5]);
        }
    }
}
