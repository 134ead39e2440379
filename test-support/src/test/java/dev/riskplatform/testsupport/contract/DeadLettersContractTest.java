package dev.riskplatform.testsupport.contract;

import static dev.riskplatform.testsupport.contract.Contract.assertConforms;
import static dev.riskplatform.testsupport.contract.Contract.reason;
import static dev.riskplatform.testsupport.contract.Contract.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.riskplatform.io.topic.DeadLetterMessage;
import dev.riskplatform.testsupport.TopicSchemas;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link DeadLetterMessage}, the one codec of market_prices_dlq and detector_dlq, against docs/topics.md and the schema. */
class DeadLettersContractTest {

    private static final String TOPIC = "dead letter";

    @Test
    void whatTheIngestorAndTheDetectorWriteConformsAndReadsBack() {
        for (DeadLetterMessage d : List.of(
                new DeadLetterMessage("price is not a plain decimal: '-1'", "{\"e\":\"trade\",\"p\":\"-1\"}", "binance-ws", 1700000000000L),
                new DeadLetterMessage("not a page element", "[1,\u00e9\ud83d\ude00\n\"]", "binance-rest", 1L),
                new DeadLetterMessage("tradeId is missing", "{\"symbol\":\"BTCUSDT\"}", "market_prices", 0L))) {
            String topic = d.source().equals("market_prices") ? "detector_dlq" : "market_prices_dlq";
            assertConforms(topic, d.toJson());
            assertEquals(d, DeadLetterMessage.parse(d.toJson()), "raw unchanged, character for character");
        }
    }

    @Test
    void readsTheDocumentedExample() {
        DeadLetterMessage d = DeadLetterMessage.parse(Contract.example("market_prices_dlq"));
        assertEquals("binance-ws", d.source());
        assertEquals("{\"e\":\"trade\",…}", d.raw());
        assertEquals(1700000000000L, d.at());
    }

    @Test
    void refusesWithTheDocumentedReasons() {
        String ok = new DeadLetterMessage("why", "raw", "market_prices", 5).toJson();
        Contract.refusesWhatIsNotOneJsonObject(TOPIC, DeadLetterMessage::parse, ok);
        for (String field : new String[] {"reason", "raw", "source", "at"}) {
            assertEquals(field + " is missing", reason(DeadLetterMessage::parse, without(ok, field)));
            assertFalse(TopicSchemas.violations("detector_dlq", without(ok, field)).isEmpty(), "the schema requires " + field);
        }
        assertEquals("raw must be a string", reason(DeadLetterMessage::parse, ok.replace("\"raw\":\"raw\"", "\"raw\":7")));
    }
}
