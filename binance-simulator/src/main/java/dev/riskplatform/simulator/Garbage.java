package dev.riskplatform.simulator;

import java.util.SplittableRandom;

/**
 * Deterministic fuzzed WebSocket messages for the garbage drill (docs/reliability.md). Each one is
 * guaranteed to be refused by the parser: a seeded mutation of a real trade event that breaks
 * JSON, a type, a required field or a value. Never a mutation that could still be a valid trade
 * (a flipped digit in a price would be ingested as a real, wrong trade and poison the drill).
 */
public final class Garbage {

    private static final String[] BAD_PRICES = {"-1", "0", "abc", "NaN", "1e400", "", "12..5", "Infinity"};
    /** A zero quantity is a valid trade (Trade accepts it), so it is not among these. */
    private static final String[] BAD_QUANTITIES = {"-1", "-0.5", "abc", "NaN", "1e400", "", "12..5"};
    private static final String[] NOISE = {"\u0000\u0001\u0002", "<html>502 Bad Gateway</html>", "[]", "null",
            "\"trade\"", "42", "{", "}}}", "\uFFFD\uFFFD"};

    private final SplittableRandom random;

    public Garbage(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The i-th message; {@code symbol} keeps most of them close to real traffic. */
    public String next(String symbol, long i) {
        String valid = "{\"e\":\"trade\",\"E\":" + (1_700_000_000_000L + i) + ",\"s\":\"" + symbol + "\",\"t\":" + (900_000_000L + i)
                + ",\"p\":\"42000.01\",\"q\":\"0.005\",\"T\":" + (1_700_000_000_000L + i) + ",\"m\":true,\"M\":true}";
        return switch (random.nextInt(6)) {
            case 0 -> valid.substring(0, 1 + random.nextInt(valid.length() - 2));             // truncated: never valid JSON
            case 1 -> valid.replace("\"p\":\"42000.01\"", "\"p\":\"" + pick(BAD_PRICES) + "\""); // a price Trade refuses
            case 2 -> valid.replace("\"q\":\"0.005\"", "\"q\":\"" + pick(BAD_QUANTITIES) + "\"");    // a quantity Trade refuses
            case 3 -> valid.replace(",\"t\":" + (900_000_000L + i), "");                       // trade id missing
            case 4 -> valid.replace("\"T\":", "\"T\":\"x") .replace(",\"m\":", "\",\"m\":");     // trade time as a string
            default -> pick(NOISE) + random.nextLong();                                         // not a trade at all
        };
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
