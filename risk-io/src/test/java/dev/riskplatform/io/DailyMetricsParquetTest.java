package dev.riskplatform.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.riskplatform.core.risk.DailyRiskMetrics;
import dev.riskplatform.core.risk.OneDayRisk;
import dev.riskplatform.core.risk.VarEs;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** metrics/daily/ rows round-trip, and files written before the horizon rename still read. */
class DailyMetricsParquetTest {

    private final DailyMetricsParquet codec = new DailyMetricsParquet();

    @Test
    void roundTripKeepsBothHorizons() {
        DailyRiskMetrics m = row(new VarEs(0.001, 0.0015, 0.002, 0.0025),
                new OneDayRisk(250, new VarEs(0.03, 0.04, 0.05, 0.06), 0.02, new VarEs(0.033, 0.041, 0.047, 0.053)));
        assertEquals(List.of(m), codec.read(codec.write(List.of(m))));
        DailyRiskMetrics none = row(VarEs.NONE, new OneDayRisk(12, VarEs.NONE, null, VarEs.NONE));
        assertEquals(List.of(none), codec.read(codec.write(List.of(none))));
    }

    /** The layout before issue #22: {@code var95, es95, var99, es99} were the 1-minute numbers, no 1-day columns. */
    @Test
    void filesBeforeTheRenameReadAsOneMinuteWithoutOneDay() {
        GenericData.Record r = new GenericData.Record(OLD);
        for (Schema.Field f : OLD.getFields()) r.put(f.name(), 0.0);
        r.put("symbol", "BTCUSDT");
        r.put("date", "2024-01-02");
        r.put("logReturn", null);
        r.put("var95", 0.001);
        r.put("es95", 0.0015);
        r.put("var99", 0.002);
        r.put("es99", 0.0025);
        r.put("anomalyCount", 3L);
        r.put("model", "m");
        for (String i : List.of("modelVersion", "barsPresent", "barsExpected", "gaps", "duplicates", "invalid")) r.put(i, 1);
        byte[] old = new ParquetCodec<GenericRecord>(OLD) {
            @Override
            protected GenericRecord toRecord(GenericRecord v, GenericData.Record rec) {
                return v;
            }

            @Override
            protected GenericRecord fromRecord(GenericRecord rec) {
                return rec;
            }
        }.write(List.of(r));
        DailyRiskMetrics m = codec.read(old).get(0);
        assertEquals(new VarEs(0.001, 0.0015, 0.002, 0.0025), m.intraday1m());
        assertEquals(0, m.oneDay().windowDays());
        assertNull(m.oneDay().historical().var99());
        assertNull(m.oneDay().ewmaSigma());
        assertEquals(3L, m.anomalyCount());
    }

    private static DailyRiskMetrics row(VarEs intraday, OneDayRisk oneDay) {
        return new DailyRiskMetrics("BTCUSDT", LocalDate.of(2024, 1, 2), 100, 110, 90, 105, 0.01, 0.5,
                null, null, null, null, 0.05, intraday, oneDay, 2, 0.7, "m", 3, 1440, 1440, 0, 0, 0);
    }

    /** DailyMetricsParquet.SCHEMA as it was before the rename, frozen here. */
    private static final Schema OLD = SchemaBuilder.record("DailyRiskMetrics").namespace("dev.riskplatform.metrics").fields()
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
}
