package dev.riskplatform.ingestor.binance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which symbols {@code ingestor.binance.symbols} names: {@code ALL} (every symbol the exchange trades), quote-asset
 * filters such as {@code *USDT} (every traded symbol quoted in USDT), explicit symbols such as {@code BTCUSDT}, or a mix
 * of filters and symbols. Filters are resolved against {@code GET /api/v3/exchangeInfo}: a symbol counts while its
 * status is {@code TRADING}; explicit symbols are taken as given.
 */
public record SymbolSelection(boolean all, Set<String> quoteAssets, List<String> explicit) {

    public static final String TRADING = "TRADING";

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

    /** True when the symbols come from the exchange's list, which changes: the session follows it. */
    public boolean followsExchange() {
        return all || !quoteAssets.isEmpty();
    }

    /** The selected symbols of {@code listings}, sorted, each once, explicit ones included. */
    public List<String> select(List<ExchangeInfoClient.Listing> listings) {
        Set<String> out = new TreeSet<>(explicit);
        for (ExchangeInfoClient.Listing l : listings) {
            if (TRADING.equals(l.status()) && (all || quoteAssets.contains(l.quoteAsset()))) out.add(l.symbol());
        }
        return new ArrayList<>(out);
    }
}
