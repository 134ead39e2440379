package dev.riskplatform.ingestor.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.riskplatform.core.market.Trade;
import dev.riskplatform.ingestor.binance.BinanceEvent.Rejected;
import dev.riskplatform.ingestor.binance.BinanceEvent.TradeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Binance's exact payloads (shared reference binance.md), raw and in the combined wrapper. */
class BinanceMessageParserTest {

    private static final String TRADE =
            "{\"e\":\"trade\",\"E\":1672515782136,\"s\":\"BNBBTC\",\"t\":12345,\"p\":\"0.001\",\"q\":\"100\",\"T\":1672515782136,\"m\":true,\"M\":true}";
    private final BinanceMessageParser parser = new BinanceMessageParser(Set.of("BNBBTC"));

    @Test
    void rawTradeIsParsedExactly() {
        TradeEvent e = assertInstanceOf(TradeEvent.class, parser.parse(TRADE));
        assertEquals(Trade.parse("BNBBTC", 12345, "0.001", "100", 1672515782136L, true), e.trade());
        assertEquals("0.001", e.trade().price().toPlainString());
        assertEquals(1672515782136L, e.eventTime());
    }

    @Test
    void combinedWrapperIsUnwrapped() {
        TradeEvent e = assertInstanceOf(TradeEvent.class, parser.parse("{\"stream\":\"bnbbtc@trade\",\"data\":" + TRADE + "}"));
        assertEquals(12345, e.trade().tradeId());
    }

    @Test
    void decimalsBeyondDoublePrecisionStayExact() {
        String msg = TRADE.replace("\"0.001\"", "\"0.12345678901234567890\"");
        TradeEvent e = assertInstanceOf(TradeEvent.class, parser.parse(msg));
        assertEquals("0.12345678901234567890", e.trade().price().toPlainString());
    }

    @Test
    void serverShutdownRawAndCombined() {
        assertInstanceOf(BinanceEvent.ServerShutdown.class, parser.parse("{\"e\":\"serverShutdown\",\"E\":1}"));
        assertInstanceOf(BinanceEvent.ServerShutdown.class,
                parser.parse("{\"stream\":\"!serverShutdown\",\"data\":{\"e\":\"serverShutdown\",\"E\":1}}"));
    }

    @Test
    void subscriptionAnswerIsControl() {
        assertInstanceOf(BinanceEvent.Control.class, parser.parse("{\"result\":null,\"id\":1}"));
    }

    @Test
    void aggTradeAndKlineAreRefusedAsNotSubscribed() {
        String agg = "{\"e\":\"aggTrade\",\"E\":1672515782136,\"s\":\"BNBBTC\",\"a\":12345,\"p\":\"0.001\",\"q\":\"100\",\"f\":100,\"l\":105,\"T\":1672515782136,\"m\":true,\"M\":true}";
        String kline = "{\"e\":\"kline\",\"E\":1672515782136,\"s\":\"BNBBTC\",\"k\":{\"t\":1672515780000,\"T\":1672515839999,\"s\":\"BNBBTC\",\"i\":\"1m\",\"f\":100,\"L\":200,\"o\":\"0.0010\",\"c\":\"0.0020\",\"h\":\"0.0025\",\"l\":\"0.0015\",\"v\":\"1000\",\"n\":100,\"x\":false,\"q\":\"1.0000\",\"V\":\"500\",\"Q\":\"0.500\",\"B\":\"123456\"}}";
        for (String msg : new String[] {agg, kline}) {
            Rejected r = assertInstanceOf(Rejected.class, parser.parse(msg));
            assertEquals("unsubscribed_event", r.kind());
            assertEquals("BNBBTC", r.symbol());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not json            | {\"e\":\"trade\",                          | malformed           | not JSON",
            "array               | [1,2]                                      | malformed           | not a JSON object",
            "unknown event       | {\"e\":\"depthUpdate\",\"s\":\"BNBBTC\"}     | unknown_event       | unknown event type \"depthUpdate\"",
            "no event type       | {\"s\":\"BNBBTC\"}                          | missing_field       | event type \"e\" is missing",
            "no price            | {\"e\":\"trade\",\"s\":\"BNBBTC\",\"t\":1,\"q\":\"1\",\"T\":1,\"m\":true}   | missing_field | \"p\" is missing or not a decimal string",
            "float price         | {\"e\":\"trade\",\"s\":\"BNBBTC\",\"t\":1,\"p\":0.1,\"q\":\"1\",\"T\":1,\"m\":true} | missing_field | \"p\" is missing or not a decimal string",
            "negative price      | {\"e\":\"trade\",\"s\":\"BNBBTC\",\"t\":1,\"p\":\"-1\",\"q\":\"1\",\"T\":1,\"m\":true} | invalid_field | price must be > 0, got -1",
            "zero price          | {\"e\":\"trade\",\"s\":\"BNBBTC\",\"t\":1,\"p\":\"0\",\"q\":\"1\",\"T\":1,\"m\":true} | invalid_field | price must be > 0, got 0",
            "non-numeric price   | {\"e\":\"trade\",\"s\":\"BNBBTC\",\"t\":1,\"p\":\"abc\",\"q\":\"1\",\"T\":1,\"m\":true} | invalid_field | price is not a decimal number: 'abc'",
            "NaN price           | {\"e\":\"trade\",\"s\":\"BNBBTC\",\"t\":1,\"p\":\"NaN\",\"q\":\"1\",\"T\":1,\"m\":true} | invalid_field | price is not a decimal number: 'NaN'",
            "microsecond time    | {\"e\":\"trade\",\"s\":\"BNBBTC\",\"t\":1,\"p\":\"1\",\"q\":\"1\",\"T\":1672515782136000,\"m\":true} | invalid_field | microseconds read as milliseconds",
            "unsubscribed symbol | {\"e\":\"trade\",\"s\":\"ETHBTC\",\"t\":1,\"p\":\"1\",\"q\":\"1\",\"T\":1,\"m\":true} | unsubscribed_symbol | symbol ETHBTC is not subscribed",
            "string trade id     | {\"e\":\"trade\",\"s\":\"BNBBTC\",\"t\":\"1\",\"p\":\"1\",\"q\":\"1\",\"T\":1,\"m\":true} | missing_field | \"t\" is missing or not an integer",
    })
    void badInputIsRefusedWithItsReason(String name, String raw, String kind, String reasonPart) {
        Rejected r = assertInstanceOf(Rejected.class, parser.parse(raw));
        assertEquals(kind, r.kind(), r.reason());
        org.junit.jupiter.api.Assertions.assertTrue(r.reason().contains(reasonPart), r.reason());
    }

    /** Issue 19, item 1: an integer beyond 64 bits was cut to its low 64 bits and published. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "t beyond long      | \"t\":12345                   | \"t\":18446744073709551624  | \"t\" is out of range",
            "t low bits 2^62    | \"t\":12345                   | \"t\":23058430092136939520  | \"t\" is out of range",
            "t below long       | \"t\":12345                   | \"t\":-18446744073709551624 | \"t\" is out of range",
            "T beyond long      | \"T\":1672515782136           | \"T\":18446744073709551624  | \"T\" is out of range",
            "E beyond long      | \"E\":1672515782136           | \"E\":18446744073709551624  | \"E\" is out of range",
            "E negative         | \"E\":1672515782136           | \"E\":-1                    | \"E\" is out of range",
    })
    void integersOutOfRangeAreRefusedNotCut(String name, String field, String replacement, String reasonPart) {
        String raw = TRADE.replace(field, replacement);
        for (String m : new String[] {raw, "{\"stream\":\"bnbbtc@trade\",\"data\":" + raw + "}"}) {
            Rejected r = assertInstanceOf(Rejected.class, parser.parse(m), m);
            assertEquals("out_of_range", r.kind(), r.reason());
            org.junit.jupiter.api.Assertions.assertTrue(r.reason().contains(reasonPart), r.reason());
            assertEquals("BNBBTC", r.symbol());
        }
    }

    @Test
    void eventTimeOfTheWrongTypeIsRefusedNotReadAsZero() {
        for (String e : new String[] {"\"1672515782136\"", "1.5", "true", "null", "[1]"}) {
            Rejected r = assertInstanceOf(Rejected.class, parser.parse(TRADE.replace("1672515782136,\"s\"", e + ",\"s\"")), e);
            org.junit.jupiter.api.Assertions.assertTrue(r.reason().contains("\"E\""), r.reason());
        }
    }

    /** Issue 19, item 3: what follows the first JSON value was ignored, so {@code {trade} GARBAGE} was published. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {" GARBAGE", "x", "}", "{}", " {\"e\":\"trade\"}", ",", "]", "null", "\u0000"})
    void contentAfterTheFirstValueIsRefused(String tail) {
        for (String m : new String[] {TRADE + tail, "{\"stream\":\"bnbbtc@trade\",\"data\":" + TRADE + "}" + tail,
                "{\"result\":null,\"id\":1}" + tail, "{\"e\":\"serverShutdown\",\"E\":1}" + tail}) {
            Rejected r = assertInstanceOf(Rejected.class, parser.parse(m), m);
            assertEquals("malformed", r.kind(), r.reason());
            org.junit.jupiter.api.Assertions.assertTrue(r.reason().contains("after the JSON object"), r.reason());
        }
        assertInstanceOf(TradeEvent.class, parser.parse(TRADE + " \r\n\t"), "white space after the object is no content");
    }

    /** Issue 19, item 5: "1e5" was published as "100000"; docs/topics.md promises the text as Binance sent it. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"1e5", "1E5", "1.5e-3", "+1", "+0.5", "01", "00.5", ".5", "5.", "-0", "-0.0",
            " 1", "1 ", "1_000", "0x10", "\u0661"})
    void decimalsNotWrittenAsBinanceWritesThemAreRefused(String text) {
        for (String field : new String[] {"p", "q"}) {
            String m = TRADE.replace("\"" + field + "\":\"" + (field.equals("p") ? "0.001" : "100") + "\"", "\"" + field + "\":\"" + text + "\"");
            Rejected r = assertInstanceOf(Rejected.class, parser.parse(m), m);
            assertEquals("invalid_field", r.kind(), r.reason());
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"0.001", "100", "0", "0.00000000", "42000.01000000", "1.0", "123456789012345678901234567890"})
    void binanceDecimalsArePublishedAsTheirText(String text) {
        TradeEvent e = assertInstanceOf(TradeEvent.class, parser.parse(TRADE.replace("\"q\":\"100\"", "\"q\":\"" + text + "\"")));
        assertEquals(text, e.trade().quantity().toPlainString());
        org.junit.jupiter.api.Assertions.assertTrue(
                dev.riskplatform.io.topic.MarketPriceMessage.toJson(e.trade(), "binance", 1).contains("\"quantity\":\"" + text + "\""));
    }

    /** The streaming fast path gives every message the very verdict of the tree parser (it only shortcuts valid trades). */
    @Test
    void theFastPathAgreesWithTheTreeOnEveryMessage() {
        String data = TRADE.substring(1, TRADE.length() - 1);
        List<String> messages = new ArrayList<>(List.of(TRADE, "{\"stream\":\"bnbbtc@trade\",\"data\":" + TRADE + "}",
                "{\"data\":" + TRADE + ",\"stream\":\"bnbbtc@trade\"}",
                "{\"stream\":\"bnbbtc@trade\",\"data\":" + TRADE + ",\"data\":" + TRADE.replace("12345", "12346") + "}",
                "{\"stream\":1,\"data\":" + TRADE + "}",
                "{\"stream\":\"s\",\"data\":[1]}",
                "{\"data\":" + TRADE + "}",
                "{\"stream\":\"s\"," + data + "}",
                "{" + data + ",\"p\":\"-5\"}",
                "{" + data + ",\"t\":\"7\"}",
                TRADE + "trailing",
                TRADE.replace("12345", "123456789012345678901234567890"),
                TRADE.replace("\"E\":1672515782136,", ""),
                TRADE.replace("\"E\":1672515782136", "\"E\":\"1672515782136\""),
                TRADE.replace("\"E\":1672515782136", "\"E\":1.5"),
                TRADE.replace("\"m\":true", "\"m\":\"true\""),
                TRADE.replace("\"BNBBTC\"", "\" \""),
                TRADE.replace("\"M\":true", "\"M\":{\"x\":[1,{}]}"),
                TRADE.replace("\"t\":12345", "\"t\":-1"),
                TRADE.replace("\"0.001\"", "\"1e400\""),
                TRADE.replace("{", "{\"id\":1,\"result\":null,").replace("\"e\":\"trade\",", ""),
                "", "null", "{}", "{\"e\":\"trade\"}"));
        dev.riskplatform.simulator.Garbage garbage = new dev.riskplatform.simulator.Garbage(7);
        for (int i = 0; i < 10_000; i++) messages.add(garbage.next("BNBBTC", i));
        for (String m : messages) assertEquals(parser.parseTree(m), parser.parse(m), m);
        TradeFrameReader fast = new TradeFrameReader(Set.of("BNBBTC"));
        for (String m : messages.subList(0, 3)) assertEquals(parser.parseTree(m), fast.read(m), "valid trades take the fast path: " + m);
    }
}
