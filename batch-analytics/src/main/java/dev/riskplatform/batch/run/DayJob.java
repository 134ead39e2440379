package dev.riskplatform.batch.run;

import dev.riskplatform.batch.input.DayInput;
import dev.riskplatform.batch.input.RawBarSource;
import dev.riskplatform.batch.metrics.CloseHistory;
import dev.riskplatform.batch.output.PartitionWriter;
import dev.riskplatform.batch.processing.DayProcessor;
import dev.riskplatform.batch.processing.SeriesAssembler;
import dev.riskplatform.core.artifact.RegisteredModel;
import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.risk.DailyRiskCalculator;
import dev.riskplatform.core.risk.DailyRiskMetrics;
import dev.riskplatform.core.risk.DayBars;
import dev.riskplatform.core.risk.DayScores;
import dev.riskplatform.io.AnalyticsKeys;
import dev.riskplatform.io.DailyMetricsParquet;
import dev.riskplatform.io.ProcessedBar;
import dev.riskplatform.io.ProcessedBarParquet;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** One (symbol, day): raw → validated → features + scores → processed/ → daily metrics → metrics/daily/. */
@ApplicationScoped
public class DayJob {

    private final RawBarSource source;
    private final PartitionWriter writer;
    private final CloseHistory history;
    private final ProcessedBarParquet processedCodec = new ProcessedBarParquet();
    private final DailyMetricsParquet metricsCodec = new DailyMetricsParquet();

    public DayJob(RawBarSource source, PartitionWriter writer, CloseHistory history) {
        this.source = source;
        this.writer = writer;
        this.history = history;
    }

    public DayReport run(String symbol, BarInterval interval, LocalDate date, RegisteredModel model) {
        DayInput input = source.readDay(symbol, interval, date);
        var quality = input.day().completeness();
        if (input.missing()) return DayReport.missing(symbol, date, quality, input.found());
        long dayStart = date.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        int warmUp = model.artifact().featureSpec().warmUpBars();
        var series = SeriesAssembler.assemble(lookback(symbol, interval, date, warmUp), input.day().bars(), dayStart, warmUp);
        List<ProcessedBar> processed = DayProcessor.process(series, model);
        String processedKey = AnalyticsKeys.processedPrefix(symbol, interval, date);
        writer.replace(processedKey, List.of(processedCodec.write(processed)));
        DailyRiskMetrics metrics = DailyRiskCalculator.compute(symbol, date, columns(input.day().bars()),
                history.before(symbol, date), scores(processed, model), quality);
        String metricsKey = AnalyticsKeys.metricsPrefix(symbol, date);
        writer.replace(metricsKey, List.of(metricsCodec.write(List.of(metrics))));
        return DayReport.complete(symbol, date, quality, input.manifested(), processedKey, metricsKey, model.version());
    }

    /** Valid bars of the ceil(warmUp × I / 1 day) previous days, oldest first. */
    private List<Bar> lookback(String symbol, BarInterval interval, LocalDate date, int warmUp) {
        int days = (int) Math.max(1, (warmUp * interval.millis() + 86_399_999L) / 86_400_000L);
        List<Bar> bars = new ArrayList<>();
        for (int k = days; k >= 1; k--) bars.addAll(source.readDay(symbol, interval, date.minusDays(k)).day().bars());
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

    static DayBars columns(List<Bar> bars) {
        int n = bars.size();
        long[] t = new long[n];
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n];
        for (int i = 0; i < n; i++) {
            Bar b = bars.get(i);
            t[i] = b.openTime();
            o[i] = b.open();
            h[i] = b.high();
            l[i] = b.low();
            c[i] = b.close();
        }
        return new DayBars(t, o, h, l, c);
    }
}
