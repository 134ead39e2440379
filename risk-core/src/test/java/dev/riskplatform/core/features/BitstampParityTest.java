package dev.riskplatform.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarBuilder;
import dev.riskplatform.core.market.BitstampSample;
import dev.riskplatform.core.market.Trade;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Real 2013 Bitstamp trades, 1-minute bars: streaming (trade by trade, arrival jittered within
 * the lateness bound, features bar by bar) versus batch (buildAll, then computeAll over arrays)
 * must give bit-identical features. Ids are row numbers, so the 2,173 exact duplicate rows are
 * kept as distinct fills; zero-amount rows were skipped by the loader.
 */
class BitstampParityTest {

    private static final long LATENESS = 2_000;
    private static List<Bar> batchBars;

    /** The batch bars, built once for both tests. */
    private static synchronized List<Bar> batchBars() {
        if (batchBars == null) {
            batchBars = BarBuilder.buildAll(BitstampSample.SYMBOL, FeatureSpec.defaults().interval(), LATENESS,
                    BitstampSample.load().trades());
        }
        return batchBars;
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2})
    void streamingAndBatchAreBitIdenticalOnRealTrades(int version) {
        List<Trade> trades = BitstampSample.load().trades();
        FeatureSpec spec = version == 1 ? FeatureSpec.v1Defaults() : FeatureSpec.defaults();

        List<FeatureVector> streamed = new ArrayList<>();
        FeatureEngine engine = new FeatureEngine(spec);
        BarBuilder builder = new BarBuilder(BitstampSample.SYMBOL, spec.interval(), LATENESS, bar -> {
            FeatureVector v = engine.onBar(bar);
            if (v != null) streamed.add(v);
        });
        jittered(trades, new Random(2013)).forEach(builder::onTrade);
        builder.flush();

        List<Bar> bars = batchBars();
        assertEquals(0, builder.lateCount());
        assertEquals(trades.size(), builder.acceptedCount());
        // Gap bars make the sequence contiguous from the first to the last minute.
        long minutes = (bars.get(bars.size() - 1).openTime() - bars.get(0).openTime()) / 60_000 + 1;
        assertEquals(minutes, bars.size());
        assertEquals(builder.gapBarCount(), bars.stream().filter(Bar::gap).count());
        FeatureEngineTest.assertBitIdentical(streamed, FeatureEngine.computeAll(spec, bars));
    }

    @Test
    void aReplayOfRealTradesIsDroppedAsDuplicates() {
        List<Trade> trades = BitstampSample.load().trades();
        List<Bar> bars = new ArrayList<>();
        BarBuilder builder = new BarBuilder(BitstampSample.SYMBOL, FeatureSpec.defaults().interval(), LATENESS, bars::add);
        // After a reconnect the source resends the last trades: here the last 10,000, twice.
        List<Trade> replay = trades.subList(trades.size() - 10_000, trades.size());
        trades.forEach(builder::onTrade);
        replay.forEach(builder::onTrade);
        replay.forEach(builder::onTrade);
        builder.flush();
        assertEquals(2L * replay.size(), builder.duplicateCount());
        assertEquals(0, builder.lateCount());
        assertEquals(batchBars(), bars);
    }

    /** Each trade arrives after a random delay below the lateness bound: never late. */
    private static List<Trade> jittered(List<Trade> trades, Random rnd) {
        record Arrival(Trade t, long at) {}
        List<Arrival> a = new ArrayList<>(trades.size());
        for (Trade t : trades) a.add(new Arrival(t, t.tradeTime() + rnd.nextLong(LATENESS)));
        a.sort(Comparator.comparingLong(Arrival::at));
        return a.stream().map(Arrival::t).toList();
    }
}
