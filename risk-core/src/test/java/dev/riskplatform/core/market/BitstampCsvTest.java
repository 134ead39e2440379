package dev.riskplatform.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BitstampCsvTest {

    private static BitstampCsv.Result parse(String text) {
        return BitstampCsv.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), "BTCUSD");
    }

    @Test
    void parsesRowsSkipsZeroAmountsAndNumbersIdsByRow() {
        var r = parse("timestamp,price,amount\r\n1385337600,800.01,0.1\r\n1385337613,800.05,0\r\n1385337613,800.05,0.27\r\n");
        assertEquals(3, r.rows());
        assertEquals(1, r.zeroAmountRows());
        List<Long> ids = r.trades().stream().map(Trade::tradeId).toList();
        assertEquals(List.of(1L, 3L), ids);
        assertEquals(1_385_337_613_000L, r.trades().get(1).tradeTime());
    }

    @Test
    void namesTheBadRow() {
        var e = assertThrows(IllegalArgumentException.class, () -> parse("timestamp,price,amount\n1,abc,1\n"));
        assertTrue(e.getMessage().startsWith("row 1: price is not a decimal number"), e.getMessage());
    }

    @Test
    void realSampleMatchesItsKnownShape() {
        var r = BitstampSample.load();
        // Counts stated by the data's description: 100,000 rows, 18 zero-amount trades.
        assertEquals(100_000, r.rows());
        assertEquals(18, r.zeroAmountRows());
        assertEquals(r.rows() - r.zeroAmountRows(), r.trades().size());
        for (int i = 1; i < r.trades().size(); i++) {
            assertTrue(r.trades().get(i - 1).tradeTime() <= r.trades().get(i).tradeTime(), "sorted by time");
        }
    }
}
