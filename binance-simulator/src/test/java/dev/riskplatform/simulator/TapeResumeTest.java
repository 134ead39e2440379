package dev.riskplatform.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.riskplatform.core.market.Trade;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ./platform on a kept state resumes the tape after the bars an earlier run emitted (SimulatedMarket.play). */
class TapeResumeTest {

    private static final long T0 = 1_385_337_600_000L, DAY = 86_400_000L;
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close();
    }

    private static Tape tape() {
        return new Tape(List.of(Trade.parse("XYZUSDT", 1, "10.50", "2", T0, true),
                Trade.parse("XYZUSDT", 2, "10.60", "1", T0 + 1_000, false),
                Trade.parse("XYZUSDT", 3, "10.70", "1", T0 + DAY, false)));
    }

    @Test
    void tradesBeforeTheResumeTimeCountAsHappenedAndAreServedByRest() {
        Tape tape = tape();
        assertEquals(2, tape.resumeAt(T0 + 60_000));
        assertEquals(T0 + DAY, tape.nextTradeTime());
        assertEquals(List.of(1L, 2L), tape.history(0, 10).stream().map(Trade::tradeId).toList(), "REST serves what happened");
        assertEquals(new Tape.Progress(2, 3, 2, T0 + 1_000), tape.progress());
    }

    @Test
    void aTapeThatEndsBeforeTheResumeTimeIsNotMoved() {
        Tape tape = tape();
        assertEquals(0, tape.resumeAt(T0 + 2 * DAY));
        assertEquals(T0, tape.nextTradeTime());
    }

    /** At 1× real time a tape resumed a day in must stream its next trade now, not after a day of silence. */
    @Test
    void aResumedTapePlaysFromItsCursorNotFromItsFirstTrade() throws Exception {
        Tape tape = tape();
        tape.resumeAt(T0 + DAY);
        LinkedBlockingQueue<Long> ids = new LinkedBlockingQueue<>();
        ReplayPlayer player = new ReplayPlayer(vertx, tape, 1.0, batch -> batch.forEach(t -> ids.add(t.tradeId()))).start();
        assertEquals(3L, ids.poll(5, TimeUnit.SECONDS));
        player.done().get(5, TimeUnit.SECONDS);
    }
}
