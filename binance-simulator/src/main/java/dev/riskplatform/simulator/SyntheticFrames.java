package dev.riskplatform.simulator;

import java.util.HashMap;
import java.util.Map;

/**
 * Binance trade frames for the load feed's ticks, written straight from their numbers: no Trade, no
 * BigDecimal, one String per frame (the feed's frames were ~9 % of the ingestor's CPU at 28 k/s, and the
 * harness runs them in the process it measures). One instance per sending thread.
 */
final class SyntheticFrames {

    /** The feed trades a fixed quantity. */
    static final String QUANTITY = "0.010";

    private final StringBuilder frame = new StringBuilder(256);
    private final StringBuilder price = new StringBuilder(24);
    private final Map<String, String> streams = new HashMap<>();

    /** Stream name of {@code symbol}, e.g. {@code load00xusdt@trade}, computed once per symbol. */
    String stream(String symbol) {
        return streams.computeIfAbsent(symbol, BinancePayloads::tradeStream);
    }

    /** The frame of {@code tick}, raw or in the combined wrapper; {@code eventTime} is the send time ("E"). */
    String frame(SyntheticFeed.Tick tick, boolean combined, long eventTime) {
        frame.setLength(0);
        if (combined) BinancePayloads.appendCombinedStart(frame, stream(tick.symbol()));
        BinancePayloads.appendTradeEvent(frame, tick.symbol(), tick.id(), cents(tick.priceCents()), QUANTITY, tick.tradeTime(),
                tick.buyerIsMaker(), eventTime);
        return (combined ? frame.append('}') : frame).toString();
    }

    /** 4200001 cents as "42000.01", as BigDecimal.valueOf(cents, 2).toPlainString() writes it. */
    private CharSequence cents(long cents) {
        price.setLength(0);
        long fraction = cents % 100;
        return price.append(cents / 100).append(fraction < 10 ? ".0" : ".").append(fraction);
    }
}
