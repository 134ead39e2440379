package dev.riskplatform.testsupport.contract;

import static dev.riskplatform.testsupport.contract.Contract.assertConforms;
import static dev.riskplatform.testsupport.contract.Contract.reason;
import static dev.riskplatform.testsupport.contract.Contract.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.riskplatform.core.market.Trade;
import dev.riskplatform.io.topic.MarketPriceMessage;
import dev.riskplatform.testsupport.TopicSchemas;
import org.junit.jupiter.api.Test;

/** {@link MarketPriceMessage}, the one codec of market_prices, against docs/topics.md and its schema. */
class MarketPricesContractTest {

    private static final String TOPIC = "market_prices";

    @Test
    void whatTheIngestorWritesConformsToTheSchemaAndReadsBack() {
        for (String[] t : new String[][] {{"42000.01", "0.00500000"}, {"0.00000001", "7"}, {"100000", "0.1"}}) {
            Trade trade = Trade.parse("BTCUSDT", 3312345678L, t[0], t[1], 1700000000123L, true);
            for (String source : new String[] {"binance", "binance-backfill", "replay"}) {
                String json = MarketPriceMessage.toJson(trade, source, 1700000000130L);
                assertConforms(TOPIC, json);
                assertEquals(new MarketPriceMessage.Received(trade, source, 1700000000130L), MarketPriceMessage.parse(json));
            }
        }
    }

    @Test
    void readsTheDocumentedExample() {
        MarketPriceMessage.Received r = MarketPriceMessage.parse(Contract.example(TOPIC));
        assertEquals(Trade.parse("BTCUSDT", 3312345678L, "42000.01", "0.00500000", 1700000000123L, true), r.trade());
        assertEquals("binance", r.source());
        assertEquals(1700000000130L, r.ingestTime());
    }

    @Test
    void refusesWithTheDocumentedReasons() {
        String ok = MarketPriceMessage.toJson(Trade.parse("BTCUSDT", 1L, "1.5", "2", 1700000000123L, false), "binance", 1700000000130L);
        Contract.refusesWhatIsNotOneJsonObject(TOPIC, MarketPriceMessage::parse, ok);
        for (String field : new String[] {"symbol", "tradeId", "price", "quantity", "tradeTime", "buyerIsMaker", "source", "ingestTime"}) {
            assertEquals(field + " is missing", reason(MarketPriceMessage::parse, without(ok, field)));
            assertFalse(TopicSchemas.violations(TOPIC, without(ok, field)).isEmpty(), "the schema requires " + field);
        }
        assertEquals("price must be a string", reason(MarketPriceMessage::parse, ok.replace("\"1.5\"", "1.5")));
        assertEquals("price is not a plain decimal: '1e5'", reason(MarketPriceMessage::parse, ok.replace("\"1.5\"", "\"1e5\"")));
        assertEquals("record key 'ETHUSDT' is not the trade's symbol 'BTCUSDT'",
                reason(json -> MarketPriceMessage.parse("ETHUSDT", json), ok));
    }

    @Test
    void theSchemaRefusesWhatTheContractRefuses() {
        String ok = MarketPriceMessage.toJson(Trade.parse("BTCUSDT", 1L, "1.5", "2", 1700000000123L, false), "binance", 1700000000130L);
        for (String bad : new String[] {ok.replace("\"1.5\"", "\"1e5\""), ok.replace("\"1.5\"", "1.5"), ok.replace("\"2\"", "\"007\"")}) {
            assertFalse(TopicSchemas.violations(TOPIC, bad).isEmpty(), bad);
        }
    }
}
