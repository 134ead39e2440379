package dev.riskplatform.ingestor.bench;

import dev.riskplatform.core.market.BitstampSample;
import dev.riskplatform.core.market.Trade;
import dev.riskplatform.ingestor.binance.BinanceEvent;
import dev.riskplatform.ingestor.binance.BinanceMessageParser;
import dev.riskplatform.ingestor.binance.TradeSequencer;
import dev.riskplatform.io.topic.MarketPriceMessage;
import dev.riskplatform.simulator.BinancePayloads;
import dev.riskplatform.testsupport.KafkaBroker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Trades/s through the live path's steps: parse Binance's combined-stream JSON, sequence (dedup,
 * order), serialise the market_prices value and publish to a real KRaft broker (acks=all,
 * idempotent), counting a trade only once the broker acknowledged it. Not a unit test: run it
 * with bench/run-ingestor-bench.sh. The 100,000 real 2013 Bitstamp trades, replayed as BTCUSDT.
 */
public final class IngestorBench {

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        List<Trade> trades = BitstampSample.trades("BTCUSDT");
        List<String> messages = new ArrayList<>(trades.size());
        for (Trade t : trades) messages.add(BinancePayloads.combined("btcusdt@trade", BinancePayloads.tradeEvent(t, t.tradeTime())));
        double[] parse = new double[repeats], publish = new double[repeats];
        try (KafkaBroker broker = KafkaBroker.start()) {
            broker.createTopics(Map.of("market_prices", 4));
            try (KafkaProducer<String, String> producer = producer(broker.bootstrapServers())) {
                for (int r = 0; r < repeats; r++) {
                    parse[r] = parseOnly(messages);
                    publish[r] = parseAndPublish(messages, producer);
                    System.out.printf("run %d: parse %.0f trades/s, parse+sequence+publish (acked) %.0f trades/s%n", r + 1, parse[r], publish[r]);
                }
            }
        }
        System.out.printf("MEDIAN of %d: parse %.0f trades/s; parse+sequence+publish %.0f trades/s (%d trades per run)%n",
                repeats, median(parse), median(publish), messages.size());
    }

    private static double parseOnly(List<String> messages) {
        BinanceMessageParser parser = new BinanceMessageParser(Set.of("BTCUSDT"));
        long start = System.nanoTime(), sum = 0;
        for (String m : messages) if (parser.parse(m) instanceof BinanceEvent.TradeEvent t) sum += t.trade().tradeId();
        if (sum == 0) throw new IllegalStateException("nothing parsed");
        return messages.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static double parseAndPublish(List<String> messages, KafkaProducer<String, String> producer) throws Exception {
        BinanceMessageParser parser = new BinanceMessageParser(Set.of("BTCUSDT"));
        CountDownLatch acked = new CountDownLatch(messages.size());
        TradeSequencer.Sink sink = new TradeSequencer.Sink() {
            public void publish(Trade t, String source) {
                producer.send(new ProducerRecord<>("market_prices", t.symbol(), MarketPriceMessage.toJson(t, source, System.currentTimeMillis())),
                        (md, e) -> { if (e == null) acked.countDown(); });
            }
            public void reject(String kind, String reason, String symbol, String raw) {
                throw new IllegalStateException(reason);
            }
            public void rejectBackfill(String kind, String reason, String symbol, String raw) {
                throw new IllegalStateException(reason);
            }
            public void gap(String symbol, long fromId, long toId, TradeSequencer.GapOutcome outcome, String detail) {
                throw new IllegalStateException("gap " + fromId + ".." + toId);
            }
        };
        TradeSequencer sequencer = new TradeSequencer("BTCUSDT", sink, (s, f, l) -> CompletableFuture.completedFuture(List.of()), "replay", "replay",
                new TradeSequencer.HeldBudget());
        long start = System.nanoTime();
        for (String m : messages) {
            if (parser.parse(m) instanceof BinanceEvent.TradeEvent t) sequencer.onLive(t.trade(), m);
        }
        if (!acked.await(120, TimeUnit.SECONDS)) throw new IllegalStateException("not all trades acknowledged");
        return messages.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** The service's market-prices producer settings (application.properties): acks=all, idempotence, lz4, 20 ms linger. */
    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 262_144,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
