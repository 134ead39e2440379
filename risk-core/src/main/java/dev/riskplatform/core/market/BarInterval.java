package dev.riskplatform.core.market;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A tumbling bar length, from 1 second to 1 day. Bars are aligned on multiples of the
 * interval since the Unix epoch (UTC), so every service cuts the same windows.
 */
public record BarInterval(long millis) {

    public static final long MIN_MILLIS = 1_000L;
    public static final long MAX_MILLIS = 86_400_000L;

    public BarInterval {
        if (millis < MIN_MILLIS || millis > MAX_MILLIS || millis % MIN_MILLIS != 0) {
            throw new IllegalArgumentException(
                    "bar interval must be a whole number of seconds between 1s and 1d, got " + millis + " ms");
        }
    }

    public static BarInterval ofSeconds(long seconds) {
        return new BarInterval(seconds * 1_000L);
    }

    /** Parses Binance-style codes: {@code 1s}, {@code 1m}, {@code 15m}, {@code 1h}, {@code 1d}. */
    public static BarInterval parse(String code) {
        Objects.requireNonNull(code, "interval code");
        String c = code.trim().toLowerCase(Locale.ROOT);
        if (c.length() < 2) {
            throw new IllegalArgumentException("bad bar interval '" + code + "'");
        }
        long unit = switch (c.charAt(c.length() - 1)) {
            case 's' -> 1_000L;
            case 'm' -> 60_000L;
            case 'h' -> 3_600_000L;
            case 'd' -> 86_400_000L;
            default -> throw new IllegalArgumentException("bad bar interval unit in '" + code + "' (use s, m, h or d)");
        };
        try {
            return new BarInterval(Long.parseLong(c.substring(0, c.length() - 1)) * unit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad bar interval '" + code + "'", e);
        }
    }

    /** Start of the bar holding {@code epochMillis}. */
    public long openTime(long epochMillis) {
        return Math.floorDiv(epochMillis, millis) * millis;
    }

    public Duration duration() {
        return Duration.ofMillis(millis);
    }

    /** The shortest Binance-style code, e.g. {@code 60000 -> "1m"}. */
    public String code() {
        if (millis % 86_400_000L == 0) return (millis / 86_400_000L) + "d";
        if (millis % 3_600_000L == 0) return (millis / 3_600_000L) + "h";
        if (millis % 60_000L == 0) return (millis / 60_000L) + "m";
        return (millis / 1_000L) + "s";
    }

    @Override
    public String toString() {
        return code();
    }
}
