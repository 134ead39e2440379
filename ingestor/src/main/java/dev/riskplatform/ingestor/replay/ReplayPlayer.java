package dev.riskplatform.ingestor.replay;

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
    private long wallStart, replayStart;

    ReplayPlayer(Vertx vertx, Tape tape, double speed, Consumer<List<Trade>> sink) {
        if (!(speed > 0)) throw new IllegalArgumentException("replay speed must be > 0, got " + speed);
        this.vertx = vertx;
        this.tape = tape;
        this.speed = speed;
        this.sink = sink;
    }

    ReplayPlayer start() {
        wallStart = System.currentTimeMillis();
        replayStart = tape.nextTradeTime(); // the tape may resume mid-way (Tape.resumeAt)
        timer = vertx.setPeriodic(TICK_MS, t -> tick());
        return this;
    }

    private void tick() {
        if (Double.isInfinite(speed)) {
            sink.accept(tape.advance(MAX_SPEED_CHUNK));
        } else {
            long replayTime = replayStart + (long) ((System.currentTimeMillis() - wallStart) * speed);
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
