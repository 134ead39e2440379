package dev.riskplatform.core.market;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which symbols a setting names: {@code ALL} (every symbol of the universe), quote-asset filters such as {@code *USDT}
 * (every symbol quoted in USDT), explicit symbols such as {@code BTCUSDT}, or a mix of filters and symbols. The universe
 * is the caller's: the exchange's listings for the ingestor, the symbols with stored bars for the batch and the trainer.
 * Explicit symbols are taken as given, listed or not.
 */
public record SymbolSelection(boolean all, Set<String> quoteAssets, List<String> explicit) {

    public static SymbolSelection parse(List<String> configured) {
        boolean all = false;
        Set<String> quotes = new LinkedHashSet<>();
        Set<String> named = new LinkedHashSet<>();
        for (String raw : configured) {
            String s = raw.trim().toUpperCase(Locale.ROOT);
            if (s.isEmpty()) continue;
            if (s.equals("ALL") || s.equals("*")) all = true;
            else if (s.startsWith("*")) quotes.add(s.substring(1));
            else if (s.contains("*")) throw new IllegalArgumentException("symbol filter '" + raw + "': only ALL and *QUOTE (e.g. *USDT) are understood");
            else named.add(s);
        }
        return new SymbolSelection(all, Set.copyOf(quotes), List.copyOf(named));
    }

    /** True when the symbols come from a universe, which changes over time; false for an explicit list. */
    public boolean followsUniverse() {
        return all || !quoteAssets.isEmpty();
    }

    /** Whether a listed symbol with a known quote asset is selected (explicit symbols always are). */
    public boolean selects(String symbol, String quoteAsset) {
        return all || quoteAssets.contains(quoteAsset) || explicit.contains(symbol);
    }

    /**
     * The selected symbols of a universe known by name only (stored data has no quote asset): a filter {@code *Q}
     * takes the names ending in Q with a base before it. Sorted, each once, explicit ones included. A name ending
     * in another quote that itself ends in Q (BTCTUSD for {@code *USD}) is taken too: name the symbols to avoid it.
     */
    public List<String> selectByName(Collection<String> universe) {
        Set<String> out = new TreeSet<>(explicit);
        for (String s : universe) {
            if (all || quoteAssets.stream().anyMatch(q -> s.length() > q.length() && s.endsWith(q))) out.add(s);
        }
        return List.copyOf(out);
    }
}
