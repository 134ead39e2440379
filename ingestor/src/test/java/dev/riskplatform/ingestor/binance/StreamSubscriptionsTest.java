package dev.riskplatform.ingestor.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.ingestor.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One connection's subscriptions against a socket that answers every request as Binance does, a millisecond later. */
class StreamSubscriptionsTest {

    private record Sent(long nanos, String text) {}

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)}$");

    private final ScheduledExecutorService exchange = Executors.newSingleThreadScheduledExecutor();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<String> released = new CopyOnWriteArrayList<>();
    private StreamSubscriptions subscriptions;

    @AfterEach
    void stop() {
        exchange.shutdownNow();
    }

    private StreamSubscriptions create(int perMessage, int messages, Duration window) {
        subscriptions = new StreamSubscriptions("test", new StreamSubscriptions.Socket() {
            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void send(String text) {
                sent.add(new Sent(System.nanoTime(), text));
                Matcher m = ID.matcher(text);
                assertTrue(m.find(), text);
                long id = Long.parseLong(m.group(1));
                exchange.schedule(() -> subscriptions.answered(id, null), 1, TimeUnit.MILLISECONDS);
            }

            @Override
            public void later(Duration wait, Runnable action) {
                exchange.schedule(action, Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
            }
        }, perMessage, new SlidingWindowLimiter(messages, window), released::addAll);
        return subscriptions;
    }

    private static List<String> symbols(int n) {
        return IntStream.range(0, n).mapToObj(i -> "S" + i + "USDT").toList();
    }

    /** The most messages sent within any one second. */
    private int peakPerSecond() {
        int peak = 0;
        for (int i = 0; i < sent.size(); i++) {
            int j = i;
            while (j < sent.size() && sent.get(j).nanos() - sent.get(i).nanos() < 1_000_000_000L) j++;
            peak = Math.max(peak, j - i);
        }
        return peak;
    }

    @Test
    void a1024StreamShardIsSubscribedInPacedMessagesOfAtMost100Streams() {
        StreamSubscriptions s = create(100, 4, Duration.ofMillis(1200));
        s.want(symbols(1024), List.of());
        Await.until("all carried", Duration.ofSeconds(20), s::settled);
        assertEquals(11, sent.size(), "1,024 streams at 100 a message");
        assertEquals(1024, s.carriedCount());
        assertTrue(sent.stream().allMatch(m -> m.text().startsWith("{\"method\":\"SUBSCRIBE\",\"params\":[\"s")));
        assertTrue(peakPerSecond() <= 4, "at most 4 messages a second, one left for a pong: " + peakPerSecond());
        assertTrue(sent.get(10).nanos() - sent.get(0).nanos() >= Duration.ofMillis(2 * 1200).toNanos(), "11 messages span two windows");
    }

    @Test
    void unsubscriptionsGoFirstAndReleaseOnlyOnceAnswered() {
        StreamSubscriptions s = create(100, 5, Duration.ofSeconds(1));
        s.want(symbols(3), List.of());
        Await.until("carried", Duration.ofSeconds(5), s::settled);
        sent.clear();
        s.want(List.of("NEWUSDT"), List.of("S1USDT"));
        Await.until("settled again", Duration.ofSeconds(5), s::settled);
        assertEquals(List.of("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"s1usdt@trade\"],\"id\":2}",
                "{\"method\":\"SUBSCRIBE\",\"params\":[\"newusdt@trade\"],\"id\":3}"), sent.stream().map(Sent::text).toList());
        assertEquals(List.of("S1USDT"), released);
        assertEquals(3, s.carriedCount());
    }

    @Test
    void aNewSocketIsSubscribedAgainWhole() {
        StreamSubscriptions s = create(2, 5, Duration.ofSeconds(1));
        s.want(symbols(4), List.of());
        Await.until("carried", Duration.ofSeconds(5), s::settled);
        sent.clear();
        s.opened();
        Await.until("carried again", Duration.ofSeconds(5), s::settled);
        Collection<String> params = new ArrayList<>();
        sent.forEach(m -> params.add(m.text().replaceAll(".*\"params\":\\[(.*)],.*", "$1")));
        assertEquals(List.of("\"s0usdt@trade\",\"s1usdt@trade\"", "\"s2usdt@trade\",\"s3usdt@trade\""), params);
    }
}
