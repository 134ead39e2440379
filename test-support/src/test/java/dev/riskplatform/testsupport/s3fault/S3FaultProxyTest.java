package dev.riskplatform.testsupport.s3fault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.testsupport.RealInfrastructure;
import dev.riskplatform.testsupport.S3ProxyServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Each fault does what it says, seen by an SDK client that does not retry. */
class S3FaultProxyTest {

    private static final String BUCKET = RealInfrastructure.BUCKET;

    private final S3FaultProxy proxy = S3FaultResource.proxy();
    private final S3Client client = S3ProxyServer.client(proxy.endpoint(), c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()));
    private final S3Client direct = RealInfrastructure.get().s3Client();

    @AfterEach
    void noFaults() {
        proxy.plan(FaultPlan.NONE);
    }

    private void put(String key, String body) {
        client.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(body));
    }

    private boolean exists(String key) {
        try {
            direct.headObject(b -> b.bucket(BUCKET).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    @Test
    void withoutFaultsRequestsPassUnchanged() {
        put("proxy/plain", "hello");
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), client.getObjectAsBytes(b -> b.bucket(BUCKET).key("proxy/plain")).asByteArray());
        assertEquals(1, client.listObjectsV2(b -> b.bucket(BUCKET).prefix("proxy/plain")).keyCount());
        assertEquals(3, proxy.count(S3Fault.NONE));
    }

    @Test
    void aResetBeforeForwardingLeavesS3Untouched() {
        proxy.plan(FaultPlan.always(S3Fault.RESET_BEFORE));
        SdkClientException e = assertThrows(SdkClientException.class, () -> put("proxy/reset-before", "x"));
        assertTrue(String.valueOf(e.getMessage()).toLowerCase().contains("reset"), e.getMessage());
        assertFalse(exists("proxy/reset-before"));
    }

    @Test
    void aCloseBeforeForwardingIsAnUnexpectedEndOfFile() {
        proxy.plan(FaultPlan.always(S3Fault.CLOSE_BEFORE));
        SdkClientException e = assertThrows(SdkClientException.class, () -> put("proxy/close-before", "x"));
        assertTrue(String.valueOf(e.getMessage()).contains("Unexpected end of file from server"), e.getMessage());
        assertFalse(exists("proxy/close-before"));
    }

    @Test
    void aResetAfterForwardingLosesTheAnswerOfAWriteS3Made() {
        proxy.plan(FaultPlan.always(S3Fault.RESET_AFTER));
        assertThrows(SdkClientException.class, () -> put("proxy/reset-after", "x"));
        assertTrue(exists("proxy/reset-after"), "S3 acted on the request");
    }

    @Test
    void fiveHundredsCarryS3sErrorCodes() {
        proxy.plan(FaultPlan.always(S3Fault.SLOW_DOWN));
        S3Exception slow = assertThrows(S3Exception.class, () -> put("proxy/slow", "x"));
        assertEquals(503, slow.statusCode());
        assertEquals("SlowDown", slow.awsErrorDetails().errorCode());
        proxy.plan(FaultPlan.always(S3Fault.INTERNAL_ERROR));
        S3Exception internal = assertThrows(S3Exception.class, () -> put("proxy/internal", "x"));
        assertEquals(500, internal.statusCode());
        assertEquals("InternalError", internal.awsErrorDetails().errorCode());
        assertFalse(exists("proxy/slow") || exists("proxy/internal"));
    }

    @Test
    void latencyDelaysButAnswers() {
        proxy.plan(FaultPlan.always(S3Fault.LATENCY));
        long start = System.nanoTime();
        put("proxy/slow-ok", "x");
        assertTrue(System.nanoTime() - start >= S3FaultProxy.LATENCY_MILLIS * 1_000_000, "delayed");
        assertTrue(exists("proxy/slow-ok"));
    }

    @Test
    void aSeededPlanRepeatsItsDecisions() {
        FaultPlan a = FaultPlan.seeded(7, 0.2, java.util.List.of(S3Fault.SLOW_DOWN, S3Fault.RESET_AFTER));
        FaultPlan b = FaultPlan.seeded(7, 0.2, java.util.List.of(S3Fault.SLOW_DOWN, S3Fault.RESET_AFTER));
        FaultPlan.S3Request r = new FaultPlan.S3Request("GET", "/x");
        int faulted = 0;
        for (int i = 0; i < 1000; i++) {
            S3Fault fa = a.decide(r);
            assertEquals(fa, b.decide(r));
            if (fa != S3Fault.NONE) faulted++;
        }
        assertTrue(faulted > 150 && faulted < 250, faulted + " of 1000 at 20 %");
    }
}
