package dev.riskplatform.core.risk;

/**
 * One market episode = one alert. The first anomalous bar opens an episode and is alerted; any
 * anomalous bar opening less than {@code cooldownBars} intervals after the episode's first bar is
 * merged into it (counted, not re-alerted). The window is anchored at the episode's start, not
 * slid by each merged bar, so a market that stays abnormal is re-alerted once per cool-down
 * rather than silenced forever. Why merge at all: one price jump stays inside the volatility and
 * momentum windows for that many bars and would otherwise alert on every one of them.
 *
 * <p>Per symbol, not thread-safe; bars must arrive in open-time order.
 */
public final class AlertCooldown {

    public enum Decision { NORMAL, NEW_EPISODE, MERGED }

    private final long cooldownMillis;
    private long episodeStart = Long.MIN_VALUE;
    private int episodeBars;

    public AlertCooldown(long intervalMillis, int cooldownBars) {
        if (intervalMillis <= 0) throw new IllegalArgumentException("interval must be > 0 ms");
        if (cooldownBars < 1) throw new IllegalArgumentException("cool-down must be >= 1 bar, got " + cooldownBars);
        this.cooldownMillis = intervalMillis * cooldownBars;
    }

    public Decision onBar(long openTime, boolean anomalous) {
        if (!anomalous) return Decision.NORMAL;
        if (episodeStart != Long.MIN_VALUE && openTime - episodeStart < cooldownMillis) {
            episodeBars++;
            return Decision.MERGED;
        }
        episodeStart = openTime;
        episodeBars = 1;
        return Decision.NEW_EPISODE;
    }

    /** Open time of the current (or last) episode's first bar; Long.MIN_VALUE before any. */
    public long episodeStart() {
        return episodeStart;
    }

    /** Anomalous bars in the current (or last) episode, the first included. */
    public int episodeBars() {
        return episodeBars;
    }
}
