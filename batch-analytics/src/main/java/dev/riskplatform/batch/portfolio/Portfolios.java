package dev.riskplatform.batch.portfolio;

import dev.riskplatform.core.portfolio.Portfolio;
import dev.riskplatform.core.portfolio.Portfolio.Position;
import dev.riskplatform.core.portfolio.Portfolio.Sizing;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The configured portfolios ({@link PortfolioConfig}), checked at start-up: a bad definition stops the service. */
@Startup
@ApplicationScoped
public class Portfolios {

    private final Map<String, Portfolio> byName = new TreeMap<>();

    public Portfolios(PortfolioConfig config) {
        config.portfolios().forEach((name, positions) -> byName.put(name, parse(name, positions)));
    }

    public List<Portfolio> all() {
        return List.copyOf(byName.values());
    }

    public Optional<Portfolio> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The portfolios that hold {@code symbol}: a run of it changes their tables. */
    public List<Portfolio> holding(String symbol) {
        return byName.values().stream().filter(p -> p.holds(symbol)).toList();
    }

    static Portfolio parse(String name, PortfolioConfig.Positions positions) {
        boolean byQuantity = positions.quantities().isPresent();
        if (byQuantity == positions.weights().isPresent()) {
            throw new IllegalArgumentException("batch.portfolios." + name + ": give either quantities or weights");
        }
        List<String> entries = byQuantity ? positions.quantities().get() : positions.weights().get();
        List<Position> list = new ArrayList<>();
        for (String e : entries) list.add(position(name, e.trim()));
        return new Portfolio(name, byQuantity ? Sizing.QUANTITY : Sizing.WEIGHT, list);
    }

    private static Position position(String name, String entry) {
        int colon = entry.indexOf(':');
        try {
            if (colon <= 0) throw new NumberFormatException("no ':'");
            return new Position(entry.substring(0, colon).trim(), Double.parseDouble(entry.substring(colon + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("batch.portfolios." + name + ": '" + entry + "' is not SYMBOL:AMOUNT", e);
        }
    }
}
