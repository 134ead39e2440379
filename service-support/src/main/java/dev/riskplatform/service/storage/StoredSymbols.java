package dev.riskplatform.service.storage;

import dev.riskplatform.core.market.BarInterval;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The symbols with raw bars of an interval in the bucket ({@code raw/bars/symbol=S/interval=I/date=D/}, docs/storage.md):
 * the universe the batch's and the trainer's {@code ALL} and {@code *QUOTE} selections choose from. Read by folders, not
 * objects: one listing of the symbols' prefixes, then one of each symbol's intervals (a year of a symbol is hundreds of
 * objects, its intervals a handful of prefixes).
 */
@ApplicationScoped
public class StoredSymbols {

    static final String BARS = "raw/bars/";
    private static final String SYMBOL = "symbol=";

    private final ObjectStore store;

    public StoredSymbols(ObjectStore store) {
        this.store = store;
    }

    /** Sorted, each once. */
    public List<String> withBars(BarInterval interval) {
        List<String> symbols = new ArrayList<>();
        for (String prefix : store.commonPrefixes(BARS, "/")) {
            String folder = prefix.substring(BARS.length(), prefix.length() - 1);
            if (!folder.startsWith(SYMBOL)) continue;
            String intervalPrefix = prefix + "interval=" + interval.code() + "/";
            if (store.commonPrefixes(prefix, "/").contains(intervalPrefix)) symbols.add(folder.substring(SYMBOL.length()));
        }
        return symbols;
    }
}
