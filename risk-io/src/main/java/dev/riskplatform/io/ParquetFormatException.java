package dev.riskplatform.io;

/** Bytes that are not a readable Parquet file of the expected schema; the message says why. */
public class ParquetFormatException extends RuntimeException {
    public ParquetFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
