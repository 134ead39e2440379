package dev.riskplatform.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SymbolSelectionTest {

    private static final List<String> STORED = List.of("ETHUSDT", "BTCUSDT", "ETHBTC", "BNBFDUSD", "USDT");

    @Test
    void allTakesTheWholeUniverseSorted() {
        SymbolSelection all = SymbolSelection.parse(List.of("ALL"));
        assertTrue(all.followsUniverse());
        assertEquals(List.of("BNBFDUSD", "BTCUSDT", "ETHBTC", "ETHUSDT", "USDT"), all.selectByName(STORED));
    }

    @Test
    void aQuoteFilterByNameTakesTheNamesEndingInItWithABase() {
        assertEquals(List.of("BTCUSDT", "ETHUSDT"), SymbolSelection.parse(List.of("*usdt")).selectByName(STORED));
        assertEquals(List.of("BTCUSDT", "ETHBTC", "ETHUSDT", "XRPEUR"),
                SymbolSelection.parse(List.of("*USDT", "*BTC", "XRPEUR")).selectByName(STORED), "explicit ones are taken as given");
    }

    @Test
    void aQuoteFilterOnListingsReadsTheirQuoteAsset() {
        SymbolSelection usdt = SymbolSelection.parse(List.of("*USDT", "ETHBTC"));
        assertTrue(usdt.selects("BTCUSDT", "USDT"));
        assertFalse(usdt.selects("BNBFDUSD", "FDUSD"));
        assertTrue(usdt.selects("ETHBTC", "BTC"), "explicit");
    }

    @Test
    void anExplicitListFollowsNoUniverseAndOnlyQuoteFiltersAreUnderstood() {
        SymbolSelection explicit = SymbolSelection.parse(List.of("BTCUSDT", " ethusdt ", ""));
        assertFalse(explicit.followsUniverse());
        assertEquals(List.of("BTCUSDT", "ETHUSDT"), explicit.explicit());
        assertThrows(IllegalArgumentException.class, () -> SymbolSelection.parse(List.of("BTC*")));
    }
}
