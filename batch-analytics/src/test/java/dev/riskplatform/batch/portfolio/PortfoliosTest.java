package dev.riskplatform.batch.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.portfolio.Portfolio;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code batch.portfolios.<name>.quantities|weights} parsed into risk-core portfolios; bad ones refused. */
class PortfoliosTest {

    @Test
    void quantitiesAndWeightsAreParsed() {
        Portfolios p = new Portfolios(config(Map.of(
                "core", positions(List.of("BTCUSDT:0.5", " ETHUSDT : 8"), null),
                "balanced", positions(null, List.of("BTCUSDT:0.6", "SOLUSDT:0.4")))));
        Portfolio core = p.named("core").orElseThrow();
        assertEquals(Portfolio.Sizing.QUANTITY, core.sizing());
        assertEquals(List.of(new Portfolio.Position("BTCUSDT", 0.5), new Portfolio.Position("ETHUSDT", 8)), core.positions());
        assertEquals(Portfolio.Sizing.WEIGHT, p.named("balanced").orElseThrow().sizing());
        assertEquals(List.of("balanced", "core"), p.holding("BTCUSDT").stream().map(Portfolio::name).toList());
        assertEquals(List.of("balanced"), p.holding("SOLUSDT").stream().map(Portfolio::name).toList());
        assertTrue(new Portfolios(config(Map.of())).all().isEmpty());
    }

    @Test
    void badDefinitionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Portfolios(config(Map.of("p", positions(List.of("A:1"), List.of("A:1"))))));
        assertThrows(IllegalArgumentException.class, () -> new Portfolios(config(Map.of("p", positions(null, null)))));
        assertThrows(IllegalArgumentException.class, () -> new Portfolios(config(Map.of("p", positions(List.of("BTCUSDT"), null)))));
        assertThrows(IllegalArgumentException.class, () -> new Portfolios(config(Map.of("p", positions(List.of("BTCUSDT:x"), null)))));
        assertThrows(IllegalArgumentException.class, () -> new Portfolios(config(Map.of("p", positions(List.of("BTCUSDT:0"), null)))));
        assertThrows(IllegalArgumentException.class, () -> new Portfolios(config(Map.of("a.b", positions(List.of("BTCUSDT:1"), null)))));
    }

    private static PortfolioConfig config(Map<String, PortfolioConfig.Positions> portfolios) {
        return () -> portfolios;
    }

    private static PortfolioConfig.Positions positions(List<String> quantities, List<String> weights) {
        return new PortfolioConfig.Positions() {
            @Override
            public Optional<List<String>> quantities() {
                return Optional.ofNullable(quantities);
            }

            @Override
            public Optional<List<String>> weights() {
                return Optional.ofNullable(weights);
            }
        };
    }
}
