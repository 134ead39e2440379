package dev.riskplatform.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.riskplatform.core.market.BarInterval;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Alerts of many symbols within a few bars are one market episode; scattered alerts are not. */
class MarketEpisodesTest {

    private static final BarInterval M1 = BarInterval.parse("1m");
    private static final long MIN = 60_000L;

    private static Alert alert(String symbol, long openTime) {
        return new Alert(symbol + "-" + openTime + "-v1", symbol, M1, openTime, Severity.HIGH, 3, 2, "m", 1, List.of(), 1, 0);
    }

    @Test
    void theAlertThatCompletesTheGroupOpensTheEpisodeAndLaterOnesJoin() {
        MarketEpisodes market = new MarketEpisodes(MIN, 3, 5, 0.05);
        List<Alert> out = new ArrayList<>();
        for (int s = 0; s < 8; s++) out.add(market.onAlert(alert("S" + s, 100 * MIN + (s % 3) * MIN), 40));
        for (int s = 0; s < 4; s++) assertNull(out.get(s).market(), "sent before the move was market-wide");
        MarketEpisodes.Context opening = out.get(4).market();
        assertEquals("MARKET-1m-" + 100 * MIN, opening.episodeId());
        assertEquals(5, opening.symbols(), "the four before it count");
        assertEquals(40, opening.activeSymbols());
        assertEquals(8, out.get(7).market().symbols());
        assertEquals(opening.episodeId(), out.get(7).market().episodeId());
        assertEquals(1, market.opened());
        // The episode's latest alert opened at 102: an alert 3 bars later still joins, 4 bars after that does not.
        assertEquals(opening.episodeId(), market.onAlert(alert("S9", 105 * MIN), 40).market().episodeId());
        assertNull(market.onAlert(alert("S10", 109 * MIN), 40).market());
    }

    @Test
    void scatteredAlertsAndOneSymbolRepeatingAreNoMarketEpisode() {
        MarketEpisodes market = new MarketEpisodes(MIN, 3, 5, 0.05);
        for (int s = 0; s < 20; s++) assertNull(market.onAlert(alert("S" + s, s * 10 * MIN), 40).market(), "10 bars apart");
        for (int k = 0; k < 20; k++) assertNull(market.onAlert(alert("ONE", 1000 * MIN + k * MIN), 40).market(), "one symbol");
        assertEquals(0, market.opened());
    }

    @Test
    void theBreadthNeededGrowsWithTheSymbolsFollowed() {
        MarketEpisodes market = new MarketEpisodes(MIN, 3, 5, 0.05);
        assertEquals(5, market.needed(40));
        assertEquals(100, market.needed(2000), "5 % of 2,000 symbols");
        for (int s = 0; s < 99; s++) assertNull(market.onAlert(alert("S" + s, 100 * MIN), 2000).market());
        assertEquals(100, market.onAlert(alert("S99", 100 * MIN), 2000).market().symbols());
        assertThrows(IllegalArgumentException.class, () -> new MarketEpisodes(MIN, 0, 5, 0.05));
    }
}
