package dev.riskplatform.ingestor.replay;

import dev.riskplatform.core.market.BitstampCsv;
import dev.riskplatform.core.market.Trade;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Real trades to replay: the 2013 Bitstamp BTC/USD trades shipped in ta4j-examples (on the
 * ingestor's runtime classpath for the replay mode). Bitstamp has no trade ids and BitstampCsv
 * numbers rows (skipping zero-amount rows leaves holes), so ids are renumbered 1..n:
 * Binance ids are consecutive per symbol and the ingestor treats a jump as a gap.
 */
public final class ReplaySource {

    public static final String BITSTAMP_RESOURCE = "bitstamp_trades_from_20131125_usd.csv";

    private ReplaySource() {
    }

    public static List<Trade> bitstamp(String symbol) {
        try (InputStream in = ReplaySource.class.getClassLoader().getResourceAsStream(BITSTAMP_RESOURCE)) {
            if (in == null) throw new IllegalStateException(BITSTAMP_RESOURCE + " is not on the classpath (org.ta4j:ta4j-examples)");
            return renumber(BitstampCsv.parse(in, symbol).trades(), 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Trade> renumber(List<Trade> trades, long firstId) {
        List<Trade> out = new ArrayList<>(trades.size());
        long id = firstId;
        for (Trade t : trades) {
            out.add(new Trade(t.symbol(), id++, t.price(), t.quantity(), t.tradeTime(), t.buyerIsMaker()));
        }
        return out;
    }
}
