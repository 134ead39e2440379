package dev.riskplatform.core.market;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The real 2013 Bitstamp BTC/USD trades from ta4j-examples (test classpath), parsed once per
 * JVM. See {@link BitstampCsv} for how ids, duplicate rows and zero amounts are treated.
 */
public final class BitstampSample {

    public static final String RESOURCE = "/bitstamp_trades_from_20131125_usd.csv";
    public static final String SYMBOL = "BTCUSD";

    private static BitstampCsv.Result cached;

    private BitstampSample() {}

    public static synchronized BitstampCsv.Result load() {
        if (cached == null) {
            try (InputStream in = BitstampSample.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException(RESOURCE + " not on the classpath (ta4j-examples)");
                cached = BitstampCsv.parse(in, SYMBOL);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cached;
    }
}
