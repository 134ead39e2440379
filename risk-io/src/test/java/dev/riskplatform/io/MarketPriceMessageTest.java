package dev.riskplatform.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.riskplatform.core.market.Trade;
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
                "{\"symbol\":\"BTCUSDT\",\"tradeId\":1,\"price\":\"-1\",\"quantity\":\"1\",\"tradeTime\":1}"));
        assertEquals("price must be > 0, got -1", e.getMessage());
    }
}
