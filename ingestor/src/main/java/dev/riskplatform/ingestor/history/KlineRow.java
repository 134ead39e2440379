package dev.riskplatform.ingestor.history;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.market.Trade;
import java.math.BigDecimal;

/** One kline (REST array or dump CSV row) → a risk-core {@link Bar}; shared by both sources. */
final class KlineRow {

    private KlineRow() {
    }

    static Bar bar(String symbol, BarInterval interval, long openTime, String open, String high, String low, String close,
                   String volume, String quoteVolume, long trades) {
        BigDecimal v = Trade.parseDecimal("volume", volume), qv = Trade.parseDecimal("quote volume", quoteVolume);
        double c = Trade.parseDecimal("close", close).doubleValue();
        // vwap = quote volume / volume; a bar without volume has none: fall back to its close.
        double vwap = v.signum() > 0 ? qv.doubleValue() / v.doubleValue() : c;
        return new Bar(symbol, interval, openTime, openTime + interval.millis() - 1,
                Trade.parseDecimal("open", open).doubleValue(), Trade.parseDecimal("high", high).doubleValue(),
                Trade.parseDecimal("low", low).doubleValue(), c, v.doubleValue(), qv.doubleValue(), vwap,
                trades, Bar.NO_TRADE_ID, Bar.NO_TRADE_ID, false);
    }

    /** Dumps switched to microseconds in 2025: 16 digits = µs, 13 = ms, decided per value. */
    static long toMillis(String timestamp) {
        String t = timestamp.trim();
        long v = Long.parseLong(t);
        if (t.length() >= 16) return v / 1_000;
        if (t.length() <= 13) return v;
        throw new IllegalArgumentException("timestamp " + t + " is neither ms (13 digits) nor µs (16 digits)");
    }
}
