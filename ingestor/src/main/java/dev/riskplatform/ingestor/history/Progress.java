package dev.riskplatform.ingestor.history;

import org.jboss.logging.Logger;

/** Logs count, rate and ETA of a long job, at most every 5 s. */
final class Progress {

    private static final Logger LOG = Logger.getLogger(Progress.class);
    private final String job;
    private final double total;
    private final long started = System.nanoTime();
    private long lastLog;

    Progress(String job, double total) {
        this.job = job;
        this.total = Math.max(1, total);
    }

    void report(long count, double done) {
        long now = System.nanoTime();
        if (now - lastLog < 5_000_000_000L) return;
        lastLog = now;
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        double eta = seconds * (total - done) / Math.max(done, 1);
        LOG.infof("%s: %d rows, %.0f rows/s, %.0f%% done, ETA %.0f s", job, count, count / seconds, 100 * done / total, eta);
    }
}
