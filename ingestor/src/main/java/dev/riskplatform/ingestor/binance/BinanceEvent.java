package dev.riskplatform.ingestor.binance;

import dev.riskplatform.core.market.Trade;

/** What one WebSocket text message from Binance turned out to be. */
public sealed interface BinanceEvent {

    /** A valid trade on a subscribed symbol. */
    record TradeEvent(Trade trade, long eventTime) implements BinanceEvent {}

    /** {@code serverShutdown}: the server will close this connection soon; reconnect now. */
    record ServerShutdown(long eventTime) implements BinanceEvent {}

    /**
     * The answer to one of our requests: {@code {"result":null,"id":1}} ({@code error} null), or
     * {@code {"code":2,"msg":"..","id":1}} ({@code error} the message). {@code id} is -1 when it is not a number.
     */
    record Control(long id, String error) implements BinanceEvent {}

    /**
     * Refused input; {@code kind} is a short metric tag, {@code reason} the dead-letter reason,
     * {@code symbol} the symbol when one could be read (the DLQ key), else null.
     */
    record Rejected(String kind, String reason, String symbol) implements BinanceEvent {}
}
