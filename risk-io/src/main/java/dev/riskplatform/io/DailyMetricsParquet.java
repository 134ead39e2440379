package dev.riskplatform.io;

import dev.riskplatform.core.risk.DailyRiskMetrics;
import java.time.LocalDate;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * metrics/daily/ files: one row of risk-core's {@link DailyRiskMetrics}, field names as the record's;
 * the date as ISO text (yyyy-MM-dd). No write time in the data, so a re-run gives identical bytes.
 */
public final class DailyMetricsParquet extends ParquetCodec<DailyRiskMetrics> {

    public static final Schema SCHEMA = SchemaBuilder.record("DailyRiskMetrics").namespace("dev.riskplatform.metrics").fields()
            .requiredString("symbol").requiredString("date")
            .requiredDouble("open").requiredDouble("high").requiredDouble("low").requiredDouble("close")
            .optionalDouble("logReturn").optionalDouble("realizedVolatility")
            .optionalDouble("sma7").optionalDouble("sma30").optionalDouble("ema7").optionalDouble("ema30")
            .requiredDouble("maxDrawdown")
            .optionalDouble("var95").optionalDouble("es95").optionalDouble("var99").optionalDouble("es99")
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
        r.put("var95", m.var95());
        r.put("es95", m.es95());
        r.put("var99", m.var99());
        r.put("es99", m.es99());
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
                d(r, "maxDrawdown"), (Double) r.get("var95"), (Double) r.get("es95"), (Double) r.get("var99"), (Double) r.get("es99"),
                (Long) r.get("anomalyCount"), (Double) r.get("maxScore"), str(r, "model"), (Integer) r.get("modelVersion"),
                (Integer) r.get("barsPresent"), (Integer) r.get("barsExpected"), (Integer) r.get("gaps"),
                (Integer) r.get("duplicates"), (Integer) r.get("invalid"));
    }

    private static double d(GenericRecord r, String f) {
        return (Double) r.get(f);
    }
}
