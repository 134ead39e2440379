package dev.riskplatform.detector.model;

import java.util.HashMap;
import java.util.Map;

/**
 * What serves which symbol, as one immutable value swapped atomically: a symbol with a model of its
 * own (risk-core SymbolModels' name rule) is scored by it, every other symbol by the default
 * (market-wide) model. Only symbols that have a model hold one: the rest share the default.
 */
public record ServingModels(ActiveModel fallback, Map<String, ActiveModel> bySymbol) {

    static final ServingModels NONE = new ServingModels(null, Map.of());

    public ServingModels {
        bySymbol = Map.copyOf(bySymbol);
    }

    /** The model that scores {@code symbol}: its own, else the default (null before the first default). */
    public ActiveModel forSymbol(String symbol) {
        ActiveModel own = bySymbol.get(symbol);
        return own != null ? own : fallback;
    }

    ServingModels withFallback(ActiveModel m) {
        return new ServingModels(m, bySymbol);
    }

    ServingModels withSymbol(String symbol, ActiveModel m) {
        Map<String, ActiveModel> next = new HashMap<>(bySymbol);
        if (m == null) next.remove(symbol); else next.put(symbol, m);
        return new ServingModels(fallback, next);
    }
}
