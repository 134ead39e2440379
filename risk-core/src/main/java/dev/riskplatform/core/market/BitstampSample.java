package dev.riskplatform.core.market;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled 2013 Bitstamp BTC/USD trades of ta4j-examples as one symbol's trades: the history a local platform
 * imports and the tape the Binance simulator replays, so both see the same trades with the same ids. The CSV is a
 * resource of {@code org.ta4j:ta4j-examples}, which the caller puts on its runtime classpath. Bitstamp has no trade
 * ids and {@link BitstampCsv} numbers rows (skipping zero-amount rows leaves holes), so ids are renumbered 1..n:
 * Binance ids are consecutive per symbol and the ingestor treats a jump as a gap.
 */
public final class BitstampSample {

    public static final String RESOURCE = "bitstamp_trades_from_20131125_usd.csv";

    private BitstampSample() {
    }

    public static List<Trade> trades(String symbol) {
        try (InputStream in = BitstampSample.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is not on the classpath (org.ta4j:ta4j-examples)");
            return renumber(BitstampCsv.parse(in, symbol).trades(), 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same trades with ids {@code firstId}, {@code firstId + 1}, ... in their order. */
    public static List<Trade> renumber(List<Trade> trades, long firstId) {
        List<Trade> out = new ArrayList<>(trades.size());
        long id = firstId;
        for (Trade t : trades) {
            out.add(new Trade(t.symbol(), id++, t.price(), t.quantity(), t.tradeTime(), t.buyerIsMaker()));
        }
        return out;
    }
}
