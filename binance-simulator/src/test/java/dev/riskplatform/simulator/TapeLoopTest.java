package dev.riskplatform.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.market.Trade;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Issue 19, item 13: the demo tape never ends; each lap continues ids and times, so downstream sees one market. */
class TapeLoopTest {

    private static final long T0 = 1_385_337_600_000L;

    /** Ids 11..13 over 2 s: a lap spans 3 ids and 2 s + the mean gap of 1 s. */
    private static Tape looping() {
        return new Tape(List.of(Trade.parse("XYZUSDT", 11, "10.50", "2", T0, true),
                Trade.parse("XYZUSDT", 12, "10.60", "1", T0 + 1_000, false),
                Trade.parse("XYZUSDT", 13, "10.70", "1", T0 + 2_000, false)), true);
    }

    @Test
    void aLoopingTapeContinuesIdsAndTimesLapAfterLap() {
        Tape tape = looping();
        List<Trade> played = tape.advance(10);
        assertEquals(LongStream.rangeClosed(11, 20).boxed().toList(), played.stream().map(Trade::tradeId).toList(), "ids continue");
        for (int i = 0; i < played.size(); i++) {
            assertEquals(T0 + 1_000L * i, played.get(i).tradeTime(), "times continue, a mean gap between laps");
            assertEquals(played.get(i % 3).price(), played.get(i).price(), "a lap replays the tape's prices");
        }
        assertFalse(tape.finished());
        assertEquals(new Tape.Progress(10, 3, 20, T0 + 9_000), tape.progress());
    }

    @Test
    void restServesEveryLapThatHappened() {
        Tape tape = looping();
        tape.advance(8); // ids 11..18
        assertEquals(List.of(15L, 16L, 17L, 18L), tape.history(15, 10).stream().map(Trade::tradeId).toList());
        assertEquals(List.of(14L), tape.history(14, 1).stream().map(Trade::tradeId).toList(), "a lap's first trade");
        assertEquals(List.of(), tape.history(19, 10), "nothing that did not happen yet");
        assertEquals(T0 + 6_000, tape.history(17, 1).get(0).tradeTime());
    }

    @Test
    void resumingPastTheTapesEndMovesToTheLapThatHoldsTheTime() {
        Tape tape = looping();
        assertEquals(7, tape.resumeAt(T0 + 7_000));
        assertEquals(18, tape.advance(1).get(0).tradeId());
    }

    @Test
    void thePlayerNeverStopsOnALoopingTape() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            List<Long> ids = new ArrayList<>();
            ReplayPlayer player = new ReplayPlayer(vertx, looping(), 1_000.0, batch -> {
                synchronized (ids) { batch.forEach(t -> ids.add(t.tradeId())); }
            }).start();
            TimeUnit.MILLISECONDS.sleep(300); // 300 s of tape time at 1000x: about 100 laps
            assertFalse(player.done().isDone(), "still playing after the tape's end");
            player.stop();
            synchronized (ids) {
                assertTrue(ids.size() > 30, "many laps played: " + ids.size());
                assertEquals(LongStream.range(11, 11 + ids.size()).boxed().toList(), ids, "ids monotonic, none skipped");
            }
        } finally {
            vertx.close();
        }
    }
}
