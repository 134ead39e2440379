package dev.riskplatform.core.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SymbolModelsTest {

    @Test
    void aSymbolsModelIsTheBaseNameAndTheLowerCaseSymbol() {
        assertEquals("btc-iforest-ethusdt", SymbolModels.nameFor("btc-iforest", "ETHUSDT"));
        assertEquals(Optional.of("ETHUSDT"), SymbolModels.symbolOf("btc-iforest", "btc-iforest-ethusdt"));
    }

    @Test
    void namesOutsideTheRuleBelongToNoSymbol() {
        assertEquals(Optional.empty(), SymbolModels.symbolOf("btc-iforest", "btc-iforest"));
        assertEquals(Optional.empty(), SymbolModels.symbolOf("btc-iforest", "eth-iforest-ethusdt"));
        assertEquals(Optional.empty(), SymbolModels.symbolOf("btc-iforest", "btc-iforest-eth-usdt"));
    }

    @Test
    void symbolsTheRuleCannotNameAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SymbolModels.nameFor("btc-iforest", "ETH/USDT"));
        assertThrows(IllegalArgumentException.class, () -> SymbolModels.nameFor("btc-iforest", ""));
        assertThrows(IllegalArgumentException.class, () -> SymbolModels.nameFor("a".repeat(60), "ETHUSDT"));
    }
}
