package dev.riskplatform.ingestor.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.riskplatform.core.market.Trade;
import dev.riskplatform.ingestor.binance.BinanceEvent.Control;
import dev.riskplatform.ingestor.binance.BinanceEvent.Rejected;
import dev.riskplatform.ingestor.binance.BinanceEvent.ServerShutdown;
import dev.riskplatform.ingestor.binance.BinanceEvent.TradeEvent;
import dev.riskplatform.io.topic.MarketPriceMessage;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Frames and numbers of every shape a hostile feed could send. The rule checked on each: the parser never throws,
 * its fast path and its tree agree, and the verdict is either a trade whose every field is the input's own (the
 * decimals as the very text sent, the integers as the very number) or a refusal with a kind and a reason. A control
 * answer or serverShutdown only for frames that are exactly that.
 */
class ParserFuzzTest {

    private static final String TRADE =
            "{\"e\":\"trade\",\"E\":1672515782136,\"s\":\"BNBBTC\",\"t\":12345,\"p\":\"0.001\",\"q\":\"100\",\"T\":1672515782136,\"m\":true,\"M\":true}";
    /** An independent reading of the input: strict about duplicate keys and about anything after the value. */
    private static final ObjectMapper ORACLE = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final String[] INTEGERS = {"0", "-0", "1", "-1", "007", "9223372036854775807", "9223372036854775808",
            "-9223372036854775808", "-9223372036854775809", "18446744073709551624", "23058430092136939520", "1e3", "1E3", "12345.0",
            "1.5", "-0.0", "\"12345\"", "\"\"", "null", "true", "[]", "{}", "[12345]", "0x10", "NaN", "Infinity", "1" + "0".repeat(400),
            "4102444800000", "4102444800001", "1672515782136000", "+1", " 12345 "};
    private static final String[] DECIMALS = {"\"0.001\"", "\"100\"", "\"0\"", "\"0.0\"", "\"0.00000001\"", "\"42000.01000000\"",
            "\"1e5\"", "\"1E5\"", "\"1e-8\"", "\"-0\"", "\"-0.001\"", "\"+1\"", "\"01\"", "\"00.1\"", "\".5\"", "\"5.\"", "\"\"", "\" \"",
            "\" 1\"", "\"1 \"", "\"NaN\"", "\"Infinity\"", "\"1e400\"", "\"\\u0031.5\"", "\"\\u0661\"", "\"1\\u0000\"", "\"1,5\"",
            "\"" + "1".repeat(64) + "\"", "\"" + "1".repeat(65) + "\"", "\"0." + "0".repeat(62) + "1\"", "0.001", "100", "1e5",
            "null", "true", "[\"1\"]", "{\"v\":\"1\"}", "\"\\\"1\\\"\""};
    private static final String[] BOOLEANS = {"true", "false", "\"true\"", "1", "0", "null", "TRUE", "[true]"};
    private static final String[] SYMBOLS = {"\"BNBBTC\"", "\"bnbbtc\"", "\"BNB\\u0042TC\"", "\"BNBBTC \"", "\"\"", "\" \"", "null", "1",
            "[\"BNBBTC\"]", "\"ETHBTC\"", "\"BNBBTC\\u0000\""};
    private static final String[] EVENTS = {"\"trade\"", "\"aggTrade\"", "\"kline\"", "\"serverShutdown\"", "\"TRADE\"", "\"tr\\u0061de\"",
            "\"\"", "null", "1", "[\"trade\"]"};

    private final BinanceMessageParser parser = new BinanceMessageParser(Set.of("BNBBTC"));

    @Test
    void everyFieldOfEveryShapeEndsAsAnExactTradeOrARefusal() {
        List<String> frames = new ArrayList<>();
        for (String f : new String[] {"t", "T", "E"}) for (String v : INTEGERS) frames.add(with(f, v));
        for (String f : new String[] {"p", "q"}) for (String v : DECIMALS) frames.add(with(f, v));
        for (String v : BOOLEANS) frames.add(with("m", v));
        for (String v : SYMBOLS) frames.add(with("s", v));
        for (String v : EVENTS) frames.add(with("e", v));
        frames.addAll(wrapped(frames));
        check(frames);
    }

    @Test
    void framesOfEveryShapeEndAsAnExactTradeOrARefusal() {
        List<String> frames = new ArrayList<>(List.of("", " ", "\n", "\uFEFF", "\uFEFF" + TRADE, TRADE + "\uFEFF", "null", "true", "0", "\"trade\"",
                "[]", "{}", "[" + TRADE + "]", "[" + TRADE + "," + TRADE + "]", TRADE + TRADE, TRADE + "\n" + TRADE, " \t\r\n" + TRADE + " \t\r\n",
                "{\"result\":null,\"id\":1}", "{\"id\":1,\"result\":null}", "{\"result\":null,\"id\":1}x", "{\"result\":[\"bnbbtc@trade\"],\"id\":2}",
                "{\"error\":{\"code\":2,\"msg\":\"Invalid request\"},\"id\":3}", "{\"e\":\"serverShutdown\",\"E\":1}",
                "{\"e\":\"serverShutdown\",\"E\":18446744073709551624}", "{\"e\":\"serverShutdown\",\"E\":1} x",
                "{\"stream\":\"bnbbtc@trade\",\"data\":null}", "{\"stream\":\"bnbbtc@trade\",\"data\":[]}", "{\"stream\":\"bnbbtc@trade\"}",
                "{\"stream\":\"bnbbtc@trade\",\"data\":" + TRADE + ",\"data\":" + TRADE + "}",
                "{\"stream\":\"bnbbtc@trade\",\"data\":" + TRADE + ",\"extra\":1}",
                "{\"stream\":\"bnbbtc@trade\",\"data\":{\"stream\":\"x\",\"data\":" + TRADE + "}}",
                TRADE.replace("\"M\":true", "\"M\":true,\"M\":false"), TRADE.replace("\"M\":true", "\"M\":[[[[[]]]]]"),
                TRADE.replace("\"M\":true", "\"x\":{\"y\":[1,2,{\"z\":null}]}"), TRADE.replace(",\"M\":true", ""),
                TRADE.replace("\"E\":1672515782136,", ""), TRADE.replace("\"p\"", "\"\\u0070\""), TRADE.replace("\"p\":\"0.001\"", "\"p\":\"0.001\",\"p\":\"0.001\""),
                TRADE.replace("\"t\":12345", "\"t\":12345,\"t\":12346"), TRADE.replace("{", "{\"e\":\"trade\","),
                TRADE.replace(":", " : ").replace(",", " ,\n\t"), TRADE.replace("\"", "'"), TRADE.replace("true,\"M\"", "True,\"M\""),
                "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
                TRADE.replace("\"M\":true", "\"M\":" + "[".repeat(2000) + "]".repeat(2000)), "{\"e\":\"trade\"" + ",\"x\":1".repeat(20_000) + "}",
                "x".repeat(BinanceMessageParser.MAX_MESSAGE_CHARS + 1), "\u0000", "\uD800", TRADE.replace("BNBBTC", "BNBBTC\uD800")));
        for (int i = 0; i < TRADE.length(); i++) frames.add(TRADE.substring(0, i)); // every truncation
        frames.addAll(wrapped(frames));
        check(frames);
    }

    @Test
    void seededMutationsEndAsAnExactTradeOrARefusal() {
        SplittableRandom random = new SplittableRandom(19);
        String alphabet = "{}[]\":,\\ 0123456789-+.eEtruefalsn\u0000\uFEFF\u00e9";
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder(random.nextBoolean() ? TRADE : BinanceMessageParserTestFrames.combined(TRADE));
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                int at = random.nextInt(sb.length());
                switch (random.nextInt(3)) {
                    case 0 -> sb.deleteCharAt(at);
                    case 1 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> sb.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            frames.add(sb.toString());
        }
        check(frames);
    }

    private void check(List<String> frames) {
        int trades = 0, refused = 0;
        for (String frame : frames) {
            BinanceEvent verdict;
            try {
                verdict = parser.parse(frame);
                boolean parsed = frame.length() <= BinanceMessageParser.MAX_MESSAGE_CHARS; // longer ones are refused unread
                if (parsed) assertEquals(parser.parseTree(frame), verdict, "the fast path agrees with the tree: " + abbreviate(frame));
            } catch (RuntimeException e) {
                throw new AssertionError("the parser threw on " + abbreviate(frame), e);
            }
            if (verdict instanceof TradeEvent t) {
                assertExact(frame, t);
                trades++;
            } else if (verdict instanceof Rejected r) {
                assertFalse(r.kind().isBlank() || r.reason().isBlank(), "a refusal has a kind and a reason: " + r);
                refused++;
            } else {
                assertControlOrShutdown(frame, verdict);
            }
        }
        assertTrue(trades > 0 && refused > 0, "both verdicts are exercised: " + trades + " trades, " + refused + " refused");
    }

    /** The trade carries the input's own values, read independently: decimals as the exact text, integers exactly. */
    private static void assertExact(String frame, TradeEvent event) {
        JsonNode e = event(frame);
        Trade t = event.trade();
        assertEquals(e.get("s").textValue(), t.symbol(), frame);
        assertEquals(new BigInteger(e.get("t").asText()), BigInteger.valueOf(t.tradeId()), frame);
        assertEquals(new BigInteger(e.get("T").asText()), BigInteger.valueOf(t.tradeTime()), frame);
        assertEquals(e.has("E") ? new BigInteger(e.get("E").asText()) : BigInteger.ZERO, BigInteger.valueOf(event.eventTime()), frame);
        assertEquals(e.get("m").booleanValue(), t.buyerIsMaker(), frame);
        MarketPriceMessage.Received published = MarketPriceMessage.parse(MarketPriceMessage.toJson(t, "binance", 1));
        assertEquals(e.get("p").textValue(), published.trade().price().toPlainString(), "price text as sent: " + frame);
        assertEquals(e.get("q").textValue(), published.trade().quantity().toPlainString(), "quantity text as sent: " + frame);
        assertTrue(MarketPriceMessage.toJson(t, "binance", 1).contains("\"price\":\"" + e.get("p").textValue() + "\""), frame);
    }

    private static void assertControlOrShutdown(String frame, BinanceEvent verdict) {
        JsonNode e = event(frame);
        if (verdict instanceof ServerShutdown) assertEquals("serverShutdown", e.path("e").textValue(), frame);
        else if (verdict instanceof Control) assertTrue(!e.has("e") && e.has("id") && (e.has("result") || e.has("code")), frame);
        else fail("unexpected verdict " + verdict + " for " + frame);
    }

    /** The event object of {@code frame} by the oracle; it fails the test when the oracle cannot read a whole frame. */
    private static JsonNode event(String frame) {
        try (JsonParser p = ORACLE.createParser(frame)) {
            JsonNode root = ORACLE.readTree(p);
            assertEquals(null, p.nextToken(), "a frame the parser accepted has nothing after its object: " + frame);
            return root.has("stream") && root.has("data") ? root.get("data") : root;
        } catch (java.io.IOException ex) {
            throw new AssertionError("the parser accepted what is not one JSON object: " + frame, ex);
        }
    }

    /** TRADE with {@code field}'s value replaced by the JSON text {@code value}. */
    private static String with(String field, String value) {
        return TRADE.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[^,}]+)", java.util.regex.Matcher.quoteReplacement("\"" + field + "\":" + value));
    }

    private static List<String> wrapped(List<String> frames) {
        return frames.stream().map(BinanceMessageParserTestFrames::combined).toList();
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "… (" + s.length() + " chars)" : s;
    }
}

/** The combined-stream wrapper around a frame. */
final class BinanceMessageParserTestFrames {
    private BinanceMessageParserTestFrames() {
    }

    static String combined(String data) {
        return "{\"stream\":\"bnbbtc@trade\",\"data\":" + data + "}";
    }
}
