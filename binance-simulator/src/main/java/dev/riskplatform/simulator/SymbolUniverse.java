package dev.riskplatform.simulator;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The replay server's exchange: the symbols {@code GET /api/v3/exchangeInfo} lists, each with its status. A listing
 * trades ({@code TRADING}); a delisting keeps the symbol in the list with status {@code BREAK}, as Binance does.
 * Tests, drills and the load harness list and delist symbols while clients follow the list.
 */
public final class SymbolUniverse {

    /** One {@code symbols[]} entry. */
    public record Listing(String symbol, String status, String baseAsset, String quoteAsset) {}

    /** Quote assets recognised at the end of a symbol, longest first (FDUSD before USD-anything). */
    private static final List<String> QUOTES = List.of("FDUSD", "USDT", "USDC", "TUSD", "BUSD", "BTC", "ETH", "BNB", "EUR", "TRY");

    private final Map<String, Listing> listings = new ConcurrentSkipListMap<>();

    /** Lists {@code symbol} as trading; its quote asset is read from its end ({@code ETHBTC} → BTC; none known: empty). */
    public void list(String symbol) {
        String s = symbol.toUpperCase(Locale.ROOT);
        String quote = QUOTES.stream().filter(q -> s.endsWith(q) && s.length() > q.length()).findFirst().orElse("");
        list(s, s.substring(0, s.length() - quote.length()), quote);
    }

    public void list(String symbol, String baseAsset, String quoteAsset) {
        listings.put(symbol, new Listing(symbol, "TRADING", baseAsset, quoteAsset));
    }

    public void listAll(Collection<String> symbols) {
        symbols.forEach(this::list);
    }

    /** Trading stops: the symbol stays listed with status {@code BREAK}. */
    public void delist(String symbol) {
        listings.computeIfPresent(symbol, (k, l) -> new Listing(l.symbol(), "BREAK", l.baseAsset(), l.quoteAsset()));
    }

    public void delistAll(Collection<String> symbols) {
        symbols.forEach(this::delist);
    }

    public List<Listing> listings() {
        return List.copyOf(listings.values());
    }
}
