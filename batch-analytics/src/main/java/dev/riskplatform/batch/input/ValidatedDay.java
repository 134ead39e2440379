package dev.riskplatform.batch.input;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.risk.DayCompleteness;
import java.time.LocalDate;
import java.util.List;

/** One day's valid distinct bars in time order, with what was excluded and how much is missing. */
public record ValidatedDay(LocalDate date, List<Bar> bars, DayCompleteness completeness) {
}
