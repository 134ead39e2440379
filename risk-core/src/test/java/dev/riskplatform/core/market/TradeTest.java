package dev.riskplatform.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TradeTest {

    @Test
    void keepsBinanceDecimalsExactly() {
        Trade t = Trade.parse("BTCUSDT", 7, "0.10000001", "0.00000001", 1_672_515_782_136L, true);
        // 0.1 + 1e-8 has no exact double: the BigDecimal must keep every digit.
        assertEquals(0, t.price().compareTo(new BigDecimal("0.10000001")));
        assertEquals("0.00000001", t.quantity().toPlainString());
        assertEquals(Double.parseDouble("0.10000001"), t.priceDouble());
        assertTrue(t.buyerIsMaker());
    }

    @Test
    void zeroQuantityIsAllowedButNegativeIsNot() {
        assertEquals(0, Trade.parse("X", 1, "1", "0", 0, false).quantity().signum());
        var e = assertThrows(IllegalArgumentException.class, () -> Trade.parse("X", 1, "1", "-0.5", 0, false));
        assertTrue(e.getMessage().startsWith("quantity must be >= 0"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "abc      | price is not a decimal number",
        "NaN      | price is not a decimal number",
        "Infinity | price is not a decimal number",
        "0        | price must be > 0",
        "-1.5     | price must be > 0",
        "1e400    | price is outside the double range",
        "1e-400   | price is outside the double range",
        "''       | price is missing",
    })
    void rejectsBadPricesWithClearMessage(String price, String expectedStart) {
        var e = assertThrows(IllegalArgumentException.class, () -> Trade.parse("X", 1, price, "1", 0, false));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }

    @Test
    void rejectsMicrosecondTimestamps() {
        long micros = 1_735_689_600_000_000L; // 2025-01-01 in microseconds, as in Binance dumps
        var e = assertThrows(IllegalArgumentException.class, () -> Trade.parse("X", 1, "1", "1", micros, false));
        assertTrue(e.getMessage().contains("microseconds"), e.getMessage());
        assertEquals(micros / 1_000, Trade.parse("X", 1, "1", "1", micros / 1_000, false).tradeTime());
    }

    @Test
    void rejectsOverlongNumbers() {
        String longNumber = "1." + "0".repeat(Trade.MAX_DECIMAL_CHARS);
        var e = assertThrows(IllegalArgumentException.class, () -> Trade.parse("X", 1, longNumber, "1", 0, false));
        assertTrue(e.getMessage().contains("characters"), e.getMessage());
    }
}
