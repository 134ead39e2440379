package dev.riskplatform.core.market;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One exchange trade. Price and quantity are kept exactly as {@link BigDecimal} parsed from
 * Binance's decimal strings (a float parse would lose digits such as {@code 0.00000001}),
 * with a {@code double} copy computed once for the feature hot path.
 *
 * <p>Validation lives here so every service rejects the same inputs with the same message;
 * the messages are meant to become dead-letter reasons.
 */
public final class Trade {

    /** Longer strings are not prices: bounding them keeps a hostile payload cheap to reject. */
    static final int MAX_DECIMAL_CHARS = 64;
    /**
     * 2100-01-01 in epoch ms. Binance dumps switched to MICROSECONDS in 2025: a microsecond value
     * read as ms lands tens of thousands of years ahead and would close every bar at once.
     */
    public static final long MAX_TRADE_TIME_MS = 4_102_444_800_000L;

    private final String symbol;
    private final long tradeId;
    private final BigDecimal price;
    private final BigDecimal quantity;
    private final double priceDouble;
    private final double quantityDouble;
    private final long tradeTime;
    private final boolean buyerIsMaker;

    public Trade(String symbol, long tradeId, BigDecimal price, BigDecimal quantity, long tradeTime,
                 boolean buyerIsMaker) {
        if (symbol == null || symbol.isBlank()) throw new IllegalArgumentException("symbol is blank");
        if (tradeId < 0) throw new IllegalArgumentException("trade id must be >= 0, got " + tradeId);
        if (tradeTime < 0) throw new IllegalArgumentException("trade time must be >= 0 ms, got " + tradeTime);
        if (tradeTime > MAX_TRADE_TIME_MS) {
            throw new IllegalArgumentException("trade time " + tradeTime + " ms is after 2100: microseconds read as milliseconds?");
        }
        this.symbol = symbol;
        this.tradeId = tradeId;
        this.price = requirePositive(Objects.requireNonNull(price, "price"));
        this.quantity = requireNonNegative(Objects.requireNonNull(quantity, "quantity"));
        this.priceDouble = finite("price", price);
        this.quantityDouble = finite("quantity", quantity);
        this.tradeTime = tradeTime;
        this.buyerIsMaker = buyerIsMaker;
    }

    /** Builds a trade from Binance's string fields ({@code p}, {@code q}); see {@link #parseDecimal}. */
    public static Trade parse(String symbol, long tradeId, String price, String quantity, long tradeTime,
                              boolean buyerIsMaker) {
        return new Trade(symbol, tradeId, parseDecimal("price", price), parseDecimal("quantity", quantity),
                tradeTime, buyerIsMaker);
    }

    /**
     * Exact decimal parse. {@code BigDecimal} already refuses "NaN" and "Infinity"; we add a
     * clearer message, a length bound and a range check against {@code double}.
     */
    public static BigDecimal parseDecimal(String field, String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException(field + " is missing");
        if (text.length() > MAX_DECIMAL_CHARS) {
            throw new IllegalArgumentException(field + " has more than " + MAX_DECIMAL_CHARS + " characters");
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " is not a decimal number: '" + text + "'", e);
        }
    }

    private static BigDecimal requirePositive(BigDecimal price) {
        if (price.signum() <= 0) throw new IllegalArgumentException("price must be > 0, got " + price.toPlainString());
        return price;
    }

    private static BigDecimal requireNonNegative(BigDecimal qty) {
        if (qty.signum() < 0) throw new IllegalArgumentException("quantity must be >= 0, got " + qty.toPlainString());
        return qty;
    }

    private static double finite(String field, BigDecimal value) {
        double d = value.doubleValue();
        // "1e400" is a valid BigDecimal but would become Infinity on the feature path.
        if (Double.isInfinite(d) || (d == 0.0 && value.signum() != 0)) {
            throw new IllegalArgumentException(field + " is outside the double range: " + value);
        }
        return d;
    }

    public String symbol() { return symbol; }
    public long tradeId() { return tradeId; }
    public BigDecimal price() { return price; }
    public BigDecimal quantity() { return quantity; }
    /** {@link #price()} rounded once to the nearest double. */
    public double priceDouble() { return priceDouble; }
    /** {@link #quantity()} rounded once to the nearest double. */
    public double quantityDouble() { return quantityDouble; }
    /** Trade (event) time, epoch milliseconds: Binance field {@code T}. */
    public long tradeTime() { return tradeTime; }
    public boolean buyerIsMaker() { return buyerIsMaker; }

    @Override
    public boolean equals(Object o) {
        // compareTo, not equals: "1.0" and "1.00" are the same price.
        return o instanceof Trade t && tradeId == t.tradeId && tradeTime == t.tradeTime
                && buyerIsMaker == t.buyerIsMaker && symbol.equals(t.symbol)
                && price.compareTo(t.price) == 0 && quantity.compareTo(t.quantity) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(symbol, tradeId, tradeTime);
    }

    @Override
    public String toString() {
        return "Trade[" + symbol + " #" + tradeId + " " + price.toPlainString() + " x " + quantity.toPlainString()
                + " @" + tradeTime + (buyerIsMaker ? " maker-buy" : "") + "]";
    }
}
