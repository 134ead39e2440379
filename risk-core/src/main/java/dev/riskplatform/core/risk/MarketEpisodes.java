package dev.riskplatform.core.risk;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Groups the alerts of many symbols in the same few bars into one market episode, so a market-wide
 * move reads as one move, not hundreds of unrelated alerts (docs/topics.md "Market episodes").
 * <p>
 * Rule, in event time: a market episode opens when the alerts whose bars open within {@code W} of
 * each other (W = windowBars × interval) come from at least
 * {@code needed(n) = max(minSymbols, ⌈minShare · n⌉)} distinct symbols, n = the symbols this
 * detector currently follows. The alert that completes the group opens it; later alerts join while
 * their bar opens within W of the episode's latest alert. Alerts before the opening one were sent
 * before the move was known to be market-wide and stay untagged (their symbols are counted).
 * <p>
 * Not thread-safe: the caller serialises alerts. Memory: the alerts of one window, at most one per
 * symbol and bar.
 */
public final class MarketEpisodes {

    /** What an alert says about the market episode it belongs to. */
    public record Context(String episodeId, long startOpenTime, int symbols, int activeSymbols) {
    }

    private record Seen(String symbol, long openTime) {
    }

    private final long windowMillis;
    private final int minSymbols;
    private final double minShare;
    private final Deque<Seen> recent = new ArrayDeque<>();
    private String episodeId;
    private long episodeStart, episodeLatest;
    private final Set<String> episodeSymbols = new HashSet<>();
    private long opened;

    public MarketEpisodes(long intervalMillis, int windowBars, int minSymbols, double minShare) {
        if (windowBars < 1 || minSymbols < 2 || !(minShare >= 0 && minShare <= 1)) {
            throw new IllegalArgumentException("market episodes need windowBars >= 1, minSymbols >= 2, 0 <= minShare <= 1");
        }
        this.windowMillis = windowBars * intervalMillis;
        this.minSymbols = minSymbols;
        this.minShare = minShare;
    }

    /** The alert, tagged with its market episode when it is part of one. */
    public Alert onAlert(Alert a, int activeSymbols) {
        if (episodeId != null && Math.abs(a.openTime() - episodeLatest) <= windowMillis) return join(a, activeSymbols);
        episodeId = null;
        recent.addLast(new Seen(a.symbol(), a.openTime()));
        recent.removeIf(s -> Math.abs(a.openTime() - s.openTime()) > windowMillis);
        Set<String> symbols = new HashSet<>();
        long start = a.openTime();
        for (Seen s : recent) {
            symbols.add(s.symbol());
            start = Math.min(start, s.openTime());
        }
        if (symbols.size() < needed(activeSymbols)) return a;
        episodeId = "MARKET-" + a.interval().code() + "-" + start;
        episodeStart = start;
        episodeLatest = a.openTime();
        episodeSymbols.clear();
        episodeSymbols.addAll(symbols);
        recent.clear();
        opened++;
        return join(a, activeSymbols);
    }

    private Alert join(Alert a, int activeSymbols) {
        episodeSymbols.add(a.symbol());
        episodeLatest = Math.max(episodeLatest, a.openTime());
        return a.inMarket(new Context(episodeId, episodeStart, episodeSymbols.size(), activeSymbols));
    }

    /** needed(n) = max(minSymbols, ⌈minShare · n⌉). */
    int needed(int activeSymbols) {
        return Math.max(minSymbols, (int) Math.ceil(minShare * activeSymbols));
    }

    /** Market episodes opened so far. */
    public long opened() {
        return opened;
    }
}
