package dev.riskplatform.core.risk;

/**
 * VaR and ES at 95 % and 99 % of one horizon and method, as positive losses in log-return units (a fraction);
 * null when the data do not define them.
 */
public record VarEs(Double var95, Double es95, Double var99, Double es99) {

    public static final VarEs NONE = new VarEs(null, null, null, null);

    /** VaR at confidence 0.95 or 0.99. */
    public Double var(double confidence) {
        if (confidence == 0.95) return var95;
        if (confidence == 0.99) return var99;
        throw new IllegalArgumentException("confidence must be 0.95 or 0.99, got " + confidence);
    }
}
