package dev.riskplatform.batch.run;

import org.jboss.logging.Logger;

/** Logs "day i/N", the rate and the ETA: rate = i / elapsed, ETA = (N − i) / rate. */
final class ProgressLog {

    private static final Logger LOG = Logger.getLogger(ProgressLog.class);
    private final int total;
    private final long startNanos = System.nanoTime();

    ProgressLog(int total) {
        this.total = total;
    }

    void dayDone(int done, DayReport day) {
        double elapsed = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
        double rate = done / elapsed;
        LOG.infof("%s %s: day %d/%d %s (%d/%d bars, %d duplicates, %d invalid) rate %.2f days/s, ETA %.1f s",
                day.symbol(), day.date(), done, total, day.status(), day.bars(), day.expectedBars(), day.duplicates(),
                day.invalid(), rate, (total - done) / rate);
    }
}
