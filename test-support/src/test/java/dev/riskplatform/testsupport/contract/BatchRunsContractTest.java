package dev.riskplatform.testsupport.contract;

import static dev.riskplatform.testsupport.contract.Contract.assertConforms;
import static dev.riskplatform.testsupport.contract.Contract.reason;
import static dev.riskplatform.testsupport.contract.Contract.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.riskplatform.io.topic.BatchRunMessage;
import dev.riskplatform.testsupport.TopicSchemas;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link BatchRunMessage}, the one codec of batch_runs, against docs/topics.md and its schema. */
class BatchRunsContractTest {

    private static final String TOPIC = "batch_runs";
    private static final BatchRunMessage COMPLETE = new BatchRunMessage("BTCUSDT", "2013-11-30", "complete", 1440, 1440, 0, 2, 1,
            "processed/symbol=BTCUSDT/interval=1m/date=2013-11-30/run=3f0c0123456789ab/",
            "metrics/daily/symbol=BTCUSDT/date=2013-11-30/run=3f0c0123456789ab/", 3L, null, 1700000000000L);

    @Test
    void whatTheBatchWritesConformsToTheSchemaAndReadsBack() {
        BatchRunMessage missing = new BatchRunMessage("BTCUSDT", "2013-12-01", "missing-input", 0, 1440, 1440, 0, 0, null, null, null,
                "no raw partition", 1700000000001L);
        BatchRunMessage error = new BatchRunMessage("BTCUSDT", "2013-12-02", "error", 0, 0, 0, 0, 0, null, null, null, "S3 down", 1L);
        for (BatchRunMessage m : List.of(COMPLETE, missing, error)) {
            assertConforms(TOPIC, m.toJson());
            assertEquals(m, BatchRunMessage.parse(m.toJson()));
        }
    }

    @Test
    void readsTheDocumentedExample() {
        BatchRunMessage r = BatchRunMessage.parse(Contract.example(TOPIC));
        assertEquals("complete", r.status());
        assertEquals(1440, r.bars());
        assertEquals(3L, r.modelVersion());
        assertEquals(0, r.gaps(), "counts an older event lacks read as 0");
        assertNull(r.message());
    }

    @Test
    void refusesWithTheDocumentedReasons() {
        String ok = COMPLETE.toJson();
        Contract.refusesWhatIsNotOneJsonObject(TOPIC, BatchRunMessage::parse, ok);
        for (String field : new String[] {"symbol", "date", "status", "bars", "expectedBars", "processedKey", "metricsKey", "modelVersion",
                "finishedAt"}) {
            assertEquals(field + " is missing", reason(BatchRunMessage::parse, without(ok, field)));
            assertFalse(TopicSchemas.violations(TOPIC, without(ok, field)).isEmpty(), "the schema requires " + field);
        }
        assertEquals("status must be one of " + BatchRunMessage.STATUSES + ", got 'done'",
                reason(BatchRunMessage::parse, ok.replace("\"complete\"", "\"done\"")));
        assertEquals("modelVersion must be an integer", reason(BatchRunMessage::parse, ok.replace("\"modelVersion\":3", "\"modelVersion\":\"3\"")));
    }
}
