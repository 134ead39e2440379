package dev.riskplatform.io.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.market.Trade;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MarketPriceMessageTest {

    @Test
    void writesTheDocumentedShapeAndReadsItBack() {
        Trade t = Trade.parse("BTCUSDT", 3312345678L, "42000.01", "0.00500000", 1700000000123L, true);
        String json = MarketPriceMessage.toJson(t, "binance", 1700000000130L);
        assertEquals("{\"symbol\":\"BTCUSDT\",\"tradeId\":3312345678,\"price\":\"42000.01\",\"quantity\":\"0.00500000\","
                + "\"tradeTime\":1700000000123,\"buyerIsMaker\":true,\"source\":\"binance\",\"ingestTime\":1700000000130}", json);
        MarketPriceMessage.Received back = MarketPriceMessage.parse(json);
        assertEquals(t, back.trade());
        assertEquals("binance", back.source());
        assertEquals(1700000000130L, back.ingestTime());
    }

    @Test
    void refusesBadValuesWithAReason() {
        var e = assertThrows(IllegalArgumentException.class, () -> MarketPriceMessage.parse(
                "{\"symbol\":\"BTCUSDT\",\"tradeId\":1,\"price\":\"0\",\"quantity\":\"1\",\"tradeTime\":1,\"buyerIsMaker\":true}"));
        assertEquals("price must be > 0, got 0", e.getMessage());
    }

    private static final String TRADE = "\"symbol\":\"BTCUSDT\",\"tradeId\":7,\"price\":\"42000.01\",\"quantity\":\"0.5\","
            + "\"tradeTime\":1700000000123,\"buyerIsMaker\":false,\"source\":\"binance\",\"ingestTime\":1700000000130";

    @Test
    void skipsUnknownMembersWholeAndTakesTheLastOfARepeatedOne() {
        MarketPriceMessage.Received r = MarketPriceMessage.parse("{\"e\":{\"nested\":[1,{\"price\":\"1\"}]},\"price\":\"1\","
                + TRADE + ",\"extra\":[\"x\"],\"source\":\"replay\"}");
        assertEquals(Trade.parse("BTCUSDT", 7, "42000.01", "0.5", 1700000000123L, false), r.trade());
        assertEquals("replay", r.source());
    }

    @Test
    void theKeyMustBeTheTradesSymbol() {
        assertEquals("BTCUSDT", MarketPriceMessage.parse("BTCUSDT", "{" + TRADE + "}").trade().symbol());
        assertEquals("record key 'ETHUSDT' is not the trade's symbol 'BTCUSDT'",
                assertThrows(IllegalArgumentException.class, () -> MarketPriceMessage.parse("ETHUSDT", "{" + TRADE + "}")).getMessage());
        assertEquals("record key null is not the trade's symbol 'BTCUSDT'",
                assertThrows(IllegalArgumentException.class, () -> MarketPriceMessage.parse(null, "{" + TRADE + "}")).getMessage());
    }

    @Test
    void readsEscapedStrings() {
        assertEquals("BTCUSDT", MarketPriceMessage.parse("{" + TRADE.replace("BTCUSDT", "BTC\\u0055SDT") + "}").trade().symbol());
    }

    @Test
    void namesWhatIsWrongWithTheValue() {
        assertEquals("market_prices value is missing", reason(null));
        assertTrue(reason("{\"symbol\":").startsWith("market_prices value is not JSON: "), reason("{\"symbol\":"));
        assertTrue(reason("not json").startsWith("market_prices value is not JSON: "), reason("not json"));
        assertEquals("market_prices value is not a JSON object", reason(""));
        assertEquals("market_prices value is not a JSON object", reason("[{" + TRADE + "}]"));
        assertEquals("market_prices value is not a JSON object", reason("42"));
        assertEquals("market_prices value has content after the JSON object", reason("{" + TRADE + "} {}"));
        for (String field : new String[] {"symbol", "tradeId", "price", "quantity", "tradeTime", "buyerIsMaker", "source", "ingestTime"}) {
            assertEquals(field + " is missing", reason("{" + TRADE.replace("\"" + field + "\"", "\"other\"") + "}"));
        }
        assertEquals("tradeId must be an integer", reason("{" + TRADE.replace("\"tradeId\":7", "\"tradeId\":\"7\"") + "}"));
        assertEquals("tradeId must be an integer", reason("{" + TRADE.replace("\"tradeId\":7", "\"tradeId\":7.5") + "}"));
        assertEquals("tradeId must be an integer", reason("{" + TRADE.replace("\"tradeId\":7", "\"tradeId\":99999999999999999999") + "}"));
        assertEquals("tradeTime must be an integer", reason("{" + TRADE.replace("1700000000123", "[1]") + "}"));
        assertEquals("price must be a string", reason("{" + TRADE.replace("\"42000.01\"", "42000.01") + "}"));
        assertEquals("symbol must be a string", reason("{" + TRADE.replace("\"BTCUSDT\"", "null") + "}"));
        assertEquals("buyerIsMaker must be true or false", reason("{" + TRADE.replace("false", "\"false\"") + "}"));
        assertEquals("source must be a string", reason("{" + TRADE + ",\"source\":1}"));
        assertEquals("source must be a string", reason("{" + TRADE + ",\"source\":null}"));
        assertEquals("source must not be empty", reason("{" + TRADE + ",\"source\":\"\"}"));
        assertEquals("ingestTime must be an integer", reason("{" + TRADE + ",\"ingestTime\":\"1\"}"));
        assertEquals("ingestTime must be an integer", reason("{" + TRADE + ",\"ingestTime\":null}"));
        assertEquals("trade id must be >= 0, got -7", reason("{" + TRADE.replace("\"tradeId\":7", "\"tradeId\":-7") + "}"));
        assertEquals("quantity is not a plain decimal: 'abc'", reason("{" + TRADE.replace("\"0.5\"", "\"abc\"") + "}"));
        for (String notPlain : new String[] {"1e5", "+7", "007.5", ".5", "-0", "5.", " 5"}) {
            assertEquals("price is not a plain decimal: '" + notPlain + "'", reason("{" + TRADE.replace("42000.01", notPlain) + "}"));
        }
    }

    @Test
    void readsTheSameFromBytesAsFromText() {
        String json = "{" + TRADE.replace("BTCUSDT", "BTC\\u0055SDT") + "}";
        assertEquals(MarketPriceMessage.parse(json), MarketPriceMessage.parse(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(MarketPriceMessage.parse("BTCUSDT", json), MarketPriceMessage.parse("BTCUSDT", json.getBytes(StandardCharsets.UTF_8)));
        assertEquals("record key 'ETHUSDT' is not the trade's symbol 'BTCUSDT'", assertThrows(IllegalArgumentException.class,
                () -> MarketPriceMessage.parse("ETHUSDT", json.getBytes(StandardCharsets.UTF_8))).getMessage());
        byte[] notUtf8 = ("{" + TRADE + "}").getBytes(StandardCharsets.UTF_8);
        notUtf8[TRADE.indexOf("binance") + 1] = (byte) 0xC3; // a lead byte followed by an ASCII letter
        String reason = assertThrows(IllegalArgumentException.class, () -> MarketPriceMessage.parse(notUtf8)).getMessage();
        assertTrue(reason.startsWith("market_prices value is not JSON: Invalid UTF-8"), reason);
    }

    /** The refusal of a value read as text; reading its UTF-8 bytes must refuse it with the same reason. */
    private static String reason(String json) {
        String fromText = assertThrows(IllegalArgumentException.class, () -> MarketPriceMessage.parse(json)).getMessage();
        byte[] bytes = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
        assertEquals(fromText, assertThrows(IllegalArgumentException.class, () -> MarketPriceMessage.parse(bytes)).getMessage(),
                "the same refusal from bytes");
        return fromText;
    }
}
