package dev.riskplatform.batch.run;

import dev.riskplatform.batch.input.DayInput;
import dev.riskplatform.batch.input.RangeInput;
import dev.riskplatform.batch.metrics.MetricsHistory;
import dev.riskplatform.batch.metrics.RunCloses;
import dev.riskplatform.batch.output.DayOutputs;
import dev.riskplatform.batch.output.RunListing;
import dev.riskplatform.batch.processing.DayProcessor;
import dev.riskplatform.batch.processing.SeriesAssembler;
import dev.riskplatform.core.artifact.RegisteredModel;
import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.risk.DailyRiskCalculator;
import dev.riskplatform.core.risk.DailyRiskMetrics;
import dev.riskplatform.core.risk.DayScores;
import dev.riskplatform.io.DailyMetricsParquet;
import dev.riskplatform.io.ProcessedBar;
import dev.riskplatform.io.ProcessedBarParquet;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One (symbol, day): raw → validated → features + scores → daily metrics ({@link #compute}, in date order: the
 * day's 1-day VaR reads the earlier days' closes), then processed/ and metrics/daily/ switched together for
 * readers ({@link Computed#write}, {@link DayOutputs}: one pointer PUT), which may overlap later days' work.
 */
@ApplicationScoped
public class DayJob {

    private final DayOutputs outputs;
    private final MetricsHistory history;
    private final ProcessedBarParquet processedCodec = new ProcessedBarParquet();
    private final DailyMetricsParquet metricsCodec = new DailyMetricsParquet();

    public DayJob(DayOutputs outputs, MetricsHistory history) {
        this.outputs = outputs;
        this.history = history;
    }

    /** A day whose outputs are computed: {@code report} when there is nothing to write, else {@code write}. */
    public record Computed(DayReport report, Supplier<DayReport> write) {
        /** Writes the outputs (when any) and answers the day's report. */
        public DayReport finish() {
            return report != null ? report : write.get();
        }
    }

    /**
     * A day of a range run: input and look-back from the run's {@link RangeInput}, closes from its {@link RunCloses},
     * the pointer's ETag and the keys to delete from its {@link RunListing}.
     */
    public Computed compute(String symbol, BarInterval interval, LocalDate date, RegisteredModel model, RangeInput inputs,
                            RunCloses closes, RunListing listing) {
        DayInput input = inputs.day(date);
        var quality = input.day().completeness();
        if (input.missing()) return new Computed(DayReport.missing(symbol, date, quality, input.found()), null);
        long dayStart = date.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        // The spec's history, not only its warm-up: v2's EWMA levels would otherwise differ from the detector's.
        int lookbackBars = model.artifact().featureSpec().historyBars();
        var series = SeriesAssembler.assemble(lookback(inputs, interval, date, lookbackBars), input.day().bars(), dayStart, lookbackBars);
        List<ProcessedBar> processed = DayProcessor.process(series, model);
        DailyRiskMetrics metrics = DailyRiskCalculator.compute(symbol, date, input.day().columns(),
                closes.before(date), scores(processed, model), quality);
        closes.record(date, metrics.close());
        boolean manifested = input.manifested();
        return new Computed(null, () -> { // Parquet encoding too: it is as much CPU as the scoring
            var current = outputs.publish(listing, symbol, interval, date, processedCodec.write(processed), metricsCodec.write(List.of(metrics)));
            history.remember(current.metrics(), List.of(metrics)); // the backtest after the run reads it from memory
            return DayReport.complete(symbol, date, quality, manifested, current.processed(), current.metrics(), model.version());
        });
    }

    /** Valid bars of the ceil(history × I / 1 day) previous days, oldest first. */
    private static List<Bar> lookback(RangeInput inputs, BarInterval interval, LocalDate date, int history) {
        int days = (int) Math.max(1, (history * interval.millis() + 86_399_999L) / 86_400_000L);
        List<Bar> bars = new ArrayList<>();
        for (int k = days; k >= 1; k--) bars.addAll(inputs.day(date.minusDays(k)).day().bars());
        return bars;
    }

    private static DayScores scores(List<ProcessedBar> rows, RegisteredModel model) {
        double[] s = new double[rows.size()];
        boolean[] a = new boolean[rows.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = rows.get(i).score();
            a[i] = rows.get(i).anomaly();
        }
        return DayScores.of(s, a, model.model(), model.version());
    }
}
