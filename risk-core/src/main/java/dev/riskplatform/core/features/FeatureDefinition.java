package dev.riskplatform.core.features;

/** One version's feature formulas over one symbol's bars, in bar order; {@link FeatureEngine} is the only caller. */
interface FeatureDefinition {

    /**
     * Takes the next bar; once warmed up writes the row at {@code out[offset..]} and returns true,
     * before that returns false and leaves {@code out} untouched. Inputs are already checked.
     */
    boolean update(double high, double low, double close, double volume, long trades, boolean gap, double[] out, int offset);
}
