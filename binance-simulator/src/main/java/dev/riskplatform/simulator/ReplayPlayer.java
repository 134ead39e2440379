package dev.riskplatform.simulator;

import dev.riskplatform.core.market.Trade;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Paces a tape: every 10 ms tick, the trades whose (scaled) time has come are sent. At infinite
 * speed each tick sends a fixed chunk, so the event loop stays responsive (pings, closes).
 */
public final class ReplayPlayer {

    private static final long TICK_MS = 10;
    private static final int MAX_SPEED_CHUNK = 2_000;

    private final Vertx vertx;
    private final Tape tape;
    private final double speed;
    private final Consumer<List<Trade>> sink;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private long timer;
    /** Wall time and tape time that correspond; replaced whole, as a burst's thread may move it. */
    private record Anchor(long wall, long replay) {}
    private volatile Anchor anchor;

    ReplayPlayer(Vertx vertx, Tape tape, double speed, Consumer<List<Trade>> sink) {
        if (!(speed > 0)) throw new IllegalArgumentException("replay speed must be > 0, got " + speed);
        this.vertx = vertx;
        this.tape = tape;
        this.speed = speed;
        this.sink = sink;
    }

    ReplayPlayer start() {
        anchor = new Anchor(System.currentTimeMillis(), tape.nextTradeTime()); // the tape may resume mid-way (Tape.resumeAt)
        timer = vertx.setPeriodic(TICK_MS, t -> tick());
        return this;
    }

    /**
     * Paces on from the tape's cursor as of now: after trades were streamed out of turn (a burst), the player would
     * otherwise wait, silent, until the replay clock caught up with them.
     */
    public void rebase() {
        anchor = new Anchor(System.currentTimeMillis(), tape.nextTradeTime());
    }

    private void tick() {
        if (Double.isInfinite(speed)) {
            sink.accept(tape.advance(MAX_SPEED_CHUNK));
        } else {
            Anchor a = anchor;
            long replayTime = a.replay() + (long) ((System.currentTimeMillis() - a.wall()) * speed);
            sink.accept(tape.advanceUntil(replayTime));
        }
        if (tape.finished()) stop();
    }

    public CompletableFuture<Void> done() {
        return done;
    }

    public void stop() {
        vertx.cancelTimer(timer);
        done.complete(null);
    }
}
