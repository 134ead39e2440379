package dev.riskplatform.detector.support;

import dev.riskplatform.core.market.Bar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.riskplatform.core.market.Trade;
import dev.riskplatform.io.topic.MarketPriceMessage;
import dev.riskplatform.testsupport.TopicProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The synthetic market of the tests: a seeded 1-minute random walk (0.1% per bar), two trades a
 * bar (the second one sets the close), replayed into market_prices as the ingestor would write it.
 */
public final class Series {

    public static final long T0 = 1_767_225_600_000L; // 2026-01-01T00:00Z, bar-aligned
    public static final long MINUTE = 60_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Series() {
    }

    public static long openTime(int bar) {
        return T0 + bar * MINUTE;
    }

    /** Closes with 2 decimals, exactly as the trades carry them (seed fixed: the models are fitted on it). */
    public static BigDecimal[] closes(int n) {
        Random rnd = new Random(42);
        BigDecimal[] c = new BigDecimal[n];
        double price = 40_000;
        for (int i = 0; i < n; i++) {
            price *= Math.exp(rnd.nextGaussian() * 0.001);
            c[i] = BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_UP);
        }
        return c;
    }

    /** The bars the detector cuts from {@link #trades} of the first {@code n} closes: open = high = close + 1, low = close. */
    static List<Bar> bars(int n) {
        BigDecimal[] c = closes(n);
        List<Bar> out = new java.util.ArrayList<>(n);
        dev.riskplatform.core.market.BarInterval m1 = dev.riskplatform.core.market.BarInterval.parse("1m");
        for (int i = 0; i < n; i++) {
            double close = c[i].doubleValue(), first = c[i].add(BigDecimal.ONE).doubleValue();
            out.add(new Bar("TRAINING", m1, openTime(i), openTime(i) + MINUTE - 1, first, first, close, close, 1.0,
                    first * 0.5 + close * 0.5, (first + close) / 2, 2, 2L * i, 2L * i + 1, false));
        }
        return out;
    }

    /** Multiplies bars [from, end) by {@code factor}: a price jump at {@code from}. */
    public static BigDecimal[] jump(BigDecimal[] closes, int from, String factor) {
        BigDecimal[] out = closes.clone();
        for (int i = from; i < out.length; i++) out[i] = out[i].multiply(new BigDecimal(factor)).setScale(2, RoundingMode.HALF_UP);
        return out;
    }

    /** The two trades of bar {@code i}: ids 2i and 2i+1. */
    public static List<String> trades(String symbol, BigDecimal[] closes, int i) {
        long open = openTime(i);
        return List.of(trade(symbol, 2L * i, closes[i].add(BigDecimal.ONE), open + 1_000),
                trade(symbol, 2L * i + 1, closes[i], open + 50_000));
    }

    public static String trade(String symbol, long id, BigDecimal price, long time) {
        Trade t = Trade.parse(symbol, id, price.toPlainString(), "0.5", time, id % 2 == 0);
        return MarketPriceMessage.toJson(t, "replay", System.currentTimeMillis());
    }

    /** Publishes bars [from, to) keyed by symbol and waits for the broker's acknowledgements. */
    public static void send(String symbol, BigDecimal[] closes, int from, int to) {
        try (var producer = TopicProbe.producer()) {
            for (int i = from; i < to; i++) {
                for (String t : trades(symbol, closes, i)) producer.send(new ProducerRecord<>("market_prices", symbol, t));
            }
            producer.flush();
        }
    }

    /** Records of {@code topic} for {@code symbol}, read until {@code enough} of them arrived (or 60 s). */
    public static List<JsonNode> read(String topic, String symbol, int enough) {
        List<ConsumerRecord<String, String>> rs = TopicProbe.readUntil(topic,
                seen -> seen.stream().filter(r -> symbol.equals(r.key())).count() >= enough, Duration.ofSeconds(60));
        return rs.stream().filter(r -> symbol.equals(r.key())).map(r -> parse(r.value())).collect(Collectors.toList());
    }

    /** Every record of {@code topic} for {@code symbol} present now (reads for a few seconds). */
    public static List<JsonNode> readAll(String topic, String symbol) {
        return TopicProbe.readUntil(topic, seen -> false, Duration.ofSeconds(4)).stream()
                .filter(r -> symbol.equals(r.key())).map(r -> parse(r.value())).collect(Collectors.toList());
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
