package dev.riskplatform.io;

import dev.riskplatform.core.risk.DailyRiskMetrics;
import dev.riskplatform.core.risk.OneDayRisk;
import dev.riskplatform.core.risk.VarEs;
import java.time.LocalDate;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * metrics/daily/ files: one row of risk-core's {@link DailyRiskMetrics}, field names as the record's, the VaR/ES
 * columns named by horizon and method (docs/metrics.md): {@code var95_1m}.. (1-minute), {@code var95_1d_hs}..
 * (1-day historical, over {@code window_days} returns), {@code sigma_1d_ewma}, {@code var95_1d_ewma}.. (1-day EWMA);
 * the date as ISO text (yyyy-MM-dd). No write time in the data, so a re-run gives identical bytes.
 *
 * <p>Files written before the rename stay readable: their {@code var95, es95, var99, es99} are the 1-minute
 * columns, and they have no 1-day columns (read as none, {@code window_days} 0).
 */
public final class DailyMetricsParquet extends ParquetCodec<DailyRiskMetrics> {

    public static final Schema SCHEMA = SchemaBuilder.record("DailyRiskMetrics").namespace("dev.riskplatform.metrics").fields()
            .requiredString("symbol").requiredString("date")
            .requiredDouble("open").requiredDouble("high").requiredDouble("low").requiredDouble("close")
            .optionalDouble("logReturn").optionalDouble("realizedVolatility")
            .optionalDouble("sma7").optionalDouble("sma30").optionalDouble("ema7").optionalDouble("ema30")
            .requiredDouble("maxDrawdown")
            .optionalDouble("var95_1m").optionalDouble("es95_1m").optionalDouble("var99_1m").optionalDouble("es99_1m")
            .requiredInt("window_days")
            .optionalDouble("var95_1d_hs").optionalDouble("es95_1d_hs").optionalDouble("var99_1d_hs").optionalDouble("es99_1d_hs")
            .optionalDouble("sigma_1d_ewma")
            .optionalDouble("var95_1d_ewma").optionalDouble("es95_1d_ewma").optionalDouble("var99_1d_ewma").optionalDouble("es99_1d_ewma")
            .requiredLong("anomalyCount").optionalDouble("maxScore").requiredString("model").requiredInt("modelVersion")
            .requiredInt("barsPresent").requiredInt("barsExpected").requiredInt("gaps")
            .requiredInt("duplicates").requiredInt("invalid")
            .endRecord();

    public DailyMetricsParquet() {
        super(SCHEMA);
    }

    @Override
    protected GenericRecord toRecord(DailyRiskMetrics m, GenericData.Record r) {
        r.put("symbol", m.symbol());
        r.put("date", m.date().toString());
        r.put("open", m.open());
        r.put("high", m.high());
        r.put("low", m.low());
        r.put("close", m.close());
        r.put("logReturn", m.logReturn());
        r.put("realizedVolatility", m.realizedVolatility());
        r.put("sma7", m.sma7());
        r.put("sma30", m.sma30());
        r.put("ema7", m.ema7());
        r.put("ema30", m.ema30());
        r.put("maxDrawdown", m.maxDrawdown());
        putVarEs(r, m.intraday1m(), "_1m");
        r.put("window_days", m.oneDay().windowDays());
        putVarEs(r, m.oneDay().historical(), "_1d_hs");
        r.put("sigma_1d_ewma", m.oneDay().ewmaSigma());
        putVarEs(r, m.oneDay().ewma(), "_1d_ewma");
        r.put("anomalyCount", m.anomalyCount());
        r.put("maxScore", m.maxScore());
        r.put("model", m.model());
        r.put("modelVersion", m.modelVersion());
        r.put("barsPresent", m.barsPresent());
        r.put("barsExpected", m.barsExpected());
        r.put("gaps", m.gaps());
        r.put("duplicates", m.duplicates());
        r.put("invalid", m.invalid());
        return r;
    }

    @Override
    protected DailyRiskMetrics fromRecord(GenericRecord r) {
        return new DailyRiskMetrics(str(r, "symbol"), LocalDate.parse(str(r, "date")),
                d(r, "open"), d(r, "high"), d(r, "low"), d(r, "close"),
                (Double) r.get("logReturn"), (Double) r.get("realizedVolatility"),
                (Double) r.get("sma7"), (Double) r.get("sma30"), (Double) r.get("ema7"), (Double) r.get("ema30"),
                d(r, "maxDrawdown"), intraday(r), oneDay(r),
                (Long) r.get("anomalyCount"), (Double) r.get("maxScore"), str(r, "model"), (Integer) r.get("modelVersion"),
                (Integer) r.get("barsPresent"), (Integer) r.get("barsExpected"), (Integer) r.get("gaps"),
                (Integer) r.get("duplicates"), (Integer) r.get("invalid"));
    }

    private static void putVarEs(GenericData.Record r, VarEs v, String suffix) {
        r.put("var95" + suffix, v.var95());
        r.put("es95" + suffix, v.es95());
        r.put("var99" + suffix, v.var99());
        r.put("es99" + suffix, v.es99());
    }

    /** {@code var95_1m}.., or in a file written before the rename {@code var95}.. (the same 1-minute numbers). */
    private static VarEs intraday(GenericRecord r) {
        return varEs(r, has(r, "var95_1m") ? "_1m" : "");
    }

    /** The 1-day columns; none in a file written before they existed. */
    private static OneDayRisk oneDay(GenericRecord r) {
        if (!has(r, "window_days")) return new OneDayRisk(0, VarEs.NONE, null, VarEs.NONE);
        return new OneDayRisk((Integer) r.get("window_days"), varEs(r, "_1d_hs"), (Double) r.get("sigma_1d_ewma"),
                varEs(r, "_1d_ewma"));
    }

    private static VarEs varEs(GenericRecord r, String suffix) {
        return new VarEs((Double) r.get("var95" + suffix), (Double) r.get("es95" + suffix),
                (Double) r.get("var99" + suffix), (Double) r.get("es99" + suffix));
    }

    private static boolean has(GenericRecord r, String field) {
        return r.getSchema().getField(field) != null;
    }

    private static double d(GenericRecord r, String f) {
        return (Double) r.get(f);
    }
}
