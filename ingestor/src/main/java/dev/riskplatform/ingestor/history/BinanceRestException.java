package dev.riskplatform.ingestor.history;

/** A Binance REST answer we cannot use; the message says what to do about it. */
public class BinanceRestException extends RuntimeException {
    private final int status;

    public BinanceRestException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
