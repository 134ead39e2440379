package dev.riskplatform.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.riskplatform.core.market.Trade;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the ingestor publishes to market_prices ({@link MarketPriceMessage#toJson}, its only writer)
 * conforms to docs/schemas/market_prices.schema.json, and the schema refuses what docs/topics.md refuses.
 * (test-support's TopicSchemas does the same for the services; risk-io stays free of it.)
 */
class MarketPriceSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theIngestorsTradesConformToTheSchema() throws Exception {
        JsonSchema schema = schema();
        for (String[] t : new String[][] {{"42000.01", "0.00500000"}, {"0.00000001", "7"}, {"100000", "0.1"}}) {
            Trade trade = Trade.parse("BTCUSDT", 3312345678L, t[0], t[1], 1700000000123L, true);
            for (String source : new String[] {"binance", "binance-backfill", "replay"}) {
                String json = MarketPriceMessage.toJson(trade, source, 1700000000130L);
                assertEquals(Set.of(), schema.validate(JSON.readTree(json)), json);
            }
        }
    }

    @Test
    void theSchemaRefusesWhatTheContractRefuses() throws Exception {
        JsonSchema schema = schema();
        String ok = MarketPriceMessage.toJson(Trade.parse("BTCUSDT", 1L, "1.5", "2", 1700000000123L, false), "binance", 1700000000130L);
        for (String bad : new String[] {ok.replace("\"1.5\"", "\"1e5\""), ok.replace("\"1.5\"", "1.5"),
                ok.replace("\"tradeId\":1,", ""), ok.replace("\"2\"", "\"007\"")}) {
            Set<ValidationMessage> errors = schema.validate(JSON.readTree(bad));
            assertFalse(errors.isEmpty(), bad);
        }
    }

    private static JsonSchema schema() throws Exception {
        Path file = Path.of("").toAbsolutePath().getParent().resolve("docs/schemas/market_prices.schema.json");
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(file.toFile()));
    }
}
