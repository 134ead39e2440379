package dev.riskplatform.batch.run;

import java.util.List;

/** A run over a range of days; {@link #exitCode()} is the CLI/CronJob contract. */
public record RunReport(String symbol, List<DayReport> days) {

    public long count(DayReport.Status status) {
        return days.stream().filter(d -> d.status() == status).count();
    }

    /** 0 every day complete, 3 some day missing input (others complete), 1 any error. */
    public int exitCode() {
        if (count(DayReport.Status.ERROR) > 0) return 1;
        return count(DayReport.Status.MISSING_INPUT) > 0 ? 3 : 0;
    }
}
