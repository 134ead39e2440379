package dev.riskplatform.core.risk;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One symbol's risk metrics for one UTC day: the one definition shared by batch-analytics and
 * dashboards. Computed by {@link DailyRiskCalculator}; definitions are documented there and in
 * {@code batch-analytics/README.md}. Nullable fields are null when the data does not define them (e.g. no
 * previous close, fewer than two real bars, not enough daily history). Gap bars are not observations
 * (see {@link DailyRiskCalculator}).
 *
 * <p>Returns, VaR, ES and drawdown are fractions (log returns; VaR/ES as positive losses). Two horizons, named:
 * {@code intraday1m} is the day's 1-minute VaR/ES (quantiles of its 1-minute returns, stored as {@code var95_1m}
 * etc.; before the rename {@code var95}); {@code oneDay} the 1-day VaR/ES forecast for day d + 1 from the daily
 * returns through d (docs/metrics.md).
 */
public record DailyRiskMetrics(
        String symbol, LocalDate date,
        double open, double high, double low, double close,
        Double logReturn, Double realizedVolatility,
        Double sma7, Double sma30, Double ema7, Double ema30,
        double maxDrawdown, VarEs intraday1m, OneDayRisk oneDay,
        long anomalyCount, Double maxScore, String model, int modelVersion,
        int barsPresent, int barsExpected, int gaps, int duplicates, int invalid) {

    public DailyRiskMetrics {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(intraday1m, "intraday1m");
        Objects.requireNonNull(oneDay, "oneDay");
    }
}
