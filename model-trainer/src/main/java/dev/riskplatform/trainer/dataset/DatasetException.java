package dev.riskplatform.trainer.dataset;

/** Bad training input: the message names the object (or range) and the reason. Nothing was written. */
public class DatasetException extends RuntimeException {

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
