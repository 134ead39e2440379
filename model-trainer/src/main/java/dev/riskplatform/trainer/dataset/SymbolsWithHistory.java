package dev.riskplatform.trainer.dataset;

import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.service.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The symbols with raw bars of an interval in S3 ({@code raw/bars/symbol=S/interval=I/...}, docs/storage.md). */
@ApplicationScoped
public class SymbolsWithHistory {

    private static final Pattern KEY = Pattern.compile("raw/bars/symbol=([A-Z0-9]+)/interval=([0-9a-zA-Z]+)/.*");

    private final ObjectStore store;

    public SymbolsWithHistory(ObjectStore store) {
        this.store = store;
    }

    /** Sorted; one paginated listing of raw/bars/ (every object under it). */
    public List<String> of(BarInterval interval) {
        TreeSet<String> symbols = new TreeSet<>();
        for (var o : store.list("raw/bars/")) {
            Matcher m = KEY.matcher(o.key());
            if (m.matches() && m.group(2).equals(interval.code())) symbols.add(m.group(1));
        }
        return List.copyOf(symbols);
    }
}
