package dev.riskplatform.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A conditional PUT retried after its response was lost (SDK retry on an IOException or a timeout,
 * our stale-connection retry) gets HTTP 412 from its own first attempt: that is not another writer.
 * Here the first attempt is a plain PUT of the same bytes, then the conditional retry.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class OwnWriteRetryTest extends BatchTestBase {

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void createRetriedAfterItsFirstAttemptLandedSucceeds() {
        String key = "test/own-write/create.json";
        store.put(key, json("{\"run\":\"a\"}"), "application/json");
        Optional<String> etag = store.replace(key, null, json("{\"run\":\"a\"}"), "application/json");
        assertEquals(store.etag(key), etag, "our own bytes are there: the write succeeded, with the object's ETag");
        assertTrue(store.replace(key, null, json("{\"run\":\"b\"}"), "application/json").isEmpty(), "other bytes: a real conflict");
    }

    @Test
    void replaceRetriedAfterItsFirstAttemptLandedSucceeds() {
        String key = "test/own-write/replace.json";
        store.put(key, json("{\"run\":\"old\"}"), "application/json");
        String before = store.etag(key).orElseThrow();
        store.put(key, json("{\"run\":\"new\"}"), "application/json"); // the first attempt of If-Match: before
        assertTrue(store.replace(key, before, json("{\"run\":\"new\"}"), "application/json").isPresent());
        assertTrue(store.replace(key, before, json("{\"run\":\"newer\"}"), "application/json").isEmpty(),
                "the object changed to other bytes since `before`: a real conflict");
    }
}
