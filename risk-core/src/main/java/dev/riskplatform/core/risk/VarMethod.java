package dev.riskplatform.core.risk;

/** The 1-day VaR methods of {@link OneDayRisk}, by the id used in stored tables. */
public enum VarMethod {
    HS("hs"), EWMA("ewma");

    private final String id;

    VarMethod(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public VarEs of(OneDayRisk risk) {
        return this == HS ? risk.historical() : risk.ewma();
    }
}
