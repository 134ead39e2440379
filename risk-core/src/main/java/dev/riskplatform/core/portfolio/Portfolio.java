package dev.riskplatform.core.portfolio;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A named set of long positions, sized either by {@link Sizing#QUANTITY} (units held of each symbol) or by
 * {@link Sizing#WEIGHT} (fractions of the portfolio's value, rebalanced to them every day). Each day's weights:
 * <pre>
 *   QUANTITY:  w_i = q_i C_i / Σ_j q_j C_j      (C_i = symbol i's close that day; value V = Σ_j q_j C_j)
 *   WEIGHT:    w_i = a_i / Σ_j a_j              (the given weights, normalised to sum to 1; no value)
 * </pre>
 * All symbols are quoted in the same currency (USDT pairs). Amounts must be positive (no short positions: the
 * portfolio's simple return {@code Σ w_i (e^{r_i} − 1)} then stays above −1, so its log return is defined).
 */
public record Portfolio(String name, Sizing sizing, List<Position> positions) {

    /** Letters, digits, '-' and '_': the name is an S3 partition value (name=P). */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public enum Sizing { QUANTITY, WEIGHT }

    /** {@code amount}: a quantity or a weight, by the portfolio's {@link Sizing}. */
    public record Position(String symbol, double amount) {
    }

    public Portfolio {
        if (name == null || !NAME.matcher(name).matches()) throw new IllegalArgumentException("portfolio name must match " + NAME + ": " + name);
        if (positions == null || positions.isEmpty()) throw new IllegalArgumentException("portfolio " + name + " has no positions");
        Set<String> seen = new HashSet<>();
        for (Position p : positions) {
            if (!seen.add(p.symbol())) throw new IllegalArgumentException("portfolio " + name + " names " + p.symbol() + " twice");
            if (!(p.amount() > 0 && Double.isFinite(p.amount()))) {
                throw new IllegalArgumentException("portfolio " + name + ": " + p.symbol() + " must have a positive amount, got " + p.amount());
            }
        }
        positions = List.copyOf(positions);
    }

    public List<String> symbols() {
        return positions.stream().map(Position::symbol).toList();
    }

    public boolean holds(String symbol) {
        return positions.stream().anyMatch(p -> p.symbol().equals(symbol));
    }

    /** The day's weights w_i (class comment), in {@link #symbols()} order, from the day's closes in that order. */
    public double[] weights(double[] closes) {
        double[] w = new double[positions.size()];
        double total = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = positions.get(i).amount() * (sizing == Sizing.QUANTITY ? closes[i] : 1.0);
            total += w[i];
        }
        for (int i = 0; i < w.length; i++) w[i] /= total;
        return w;
    }

    /** V = Σ q_i C_i for a portfolio of quantities; null for one of weights (it has no size). */
    public Double value(double[] closes) {
        if (sizing == Sizing.WEIGHT) return null;
        double v = 0;
        for (int i = 0; i < closes.length; i++) v += positions.get(i).amount() * closes[i];
        return v;
    }
}
