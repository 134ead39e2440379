package dev.riskplatform.service.storage;

/** S3 kept failing transiently through every retry; the message names the request and the last failure. */
public class StorageUnavailableException extends RuntimeException {

    StorageUnavailableException(String request, int attempts, RuntimeException last) {
        super("S3 " + request + " still failing after " + attempts + " retried calls: " + last.getMessage(), last);
    }
}
