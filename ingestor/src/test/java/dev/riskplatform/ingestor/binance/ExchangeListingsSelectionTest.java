package dev.riskplatform.ingestor.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.market.SymbolSelection;
import dev.riskplatform.simulator.BinancePayloads;
import dev.riskplatform.simulator.SymbolUniverse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exchange's listings as the ingestor selects from them (the selection syntax itself: risk-core SymbolSelectionTest). */
class ExchangeListingsSelectionTest {

    /** exchangeInfo as the replay server serves it, read back by the client. */
    private static List<ExchangeInfoClient.Listing> market() {
        SymbolUniverse u = new SymbolUniverse();
        u.listAll(List.of("BTCUSDT", "ETHUSDT", "ETHBTC", "BNBFDUSD", "LUNAUSDT"));
        u.delist("LUNAUSDT");
        return ExchangeInfoClient.listings(BinancePayloads.exchangeInfo(1L, u.listings()));
    }

    @Test
    void exchangeInfoIsReadAsListingsWithStatusAndQuote() {
        assertTrue(market().contains(new ExchangeInfoClient.Listing("ETHBTC", "TRADING", "BTC")));
        assertTrue(market().contains(new ExchangeInfoClient.Listing("LUNAUSDT", "BREAK", "USDT")));
        assertThrows(IllegalStateException.class, () -> ExchangeInfoClient.listings("{\"timezone\":\"UTC\"}"));
    }

    @Test
    void allTakesEveryTradingSymbol() {
        SymbolSelection all = SymbolSelection.parse(List.of("ALL"));
        assertTrue(all.followsUniverse());
        assertEquals(List.of("BNBFDUSD", "BTCUSDT", "ETHBTC", "ETHUSDT"), ExchangeInfoClient.select(all, market()));
    }

    @Test
    void quoteFiltersTakeTradingSymbolsOfThatQuote() {
        assertEquals(List.of("BTCUSDT", "ETHUSDT"), ExchangeInfoClient.select(SymbolSelection.parse(List.of("*usdt")), market()));
        assertEquals(List.of("BTCUSDT", "ETHBTC", "ETHUSDT"), ExchangeInfoClient.select(SymbolSelection.parse(List.of("*USDT", "*BTC")), market()));
        assertEquals(List.of("BNBFDUSD", "XRPEUR"), ExchangeInfoClient.select(SymbolSelection.parse(List.of("*FDUSD", "XRPEUR")), market()),
                "explicit symbols are taken as given");
    }

    @Test
    void explicitListsNeedNoExchangeInfo() {
        SymbolSelection explicit = SymbolSelection.parse(List.of("BTCUSDT", " ethusdt "));
        assertFalse(explicit.followsUniverse());
        assertEquals(List.of("BTCUSDT", "ETHUSDT"), explicit.explicit());
        assertThrows(IllegalArgumentException.class, () -> SymbolSelection.parse(List.of("BTC*")));
    }
}
