package dev.riskplatform.io;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** processed/ files (docs/storage.md); features use docs/features.md names; NaN is stored as null. */
public final class ProcessedBarParquet extends ParquetCodec<ProcessedBar> {

    public static final Schema SCHEMA = SchemaBuilder.record("ProcessedBar").namespace("dev.riskplatform.processed").fields()
            .requiredString("symbol").requiredString("interval").requiredLong("openTime")
            .requiredDouble("open").requiredDouble("high").requiredDouble("low").requiredDouble("close")
            .requiredDouble("volume").requiredBoolean("gap")
            .optionalDouble("log_return").optionalDouble("volatility").optionalDouble("z_score").optionalDouble("momentum")
            .optionalDouble("score").requiredBoolean("anomaly").requiredString("model").requiredInt("modelVersion")
            .endRecord();

    public ProcessedBarParquet() {
        super(SCHEMA);
    }

    @Override
    protected GenericRecord toRecord(ProcessedBar b, GenericData.Record r) {
        r.put("symbol", b.symbol());
        r.put("interval", b.interval());
        r.put("openTime", b.openTime());
        r.put("open", b.open());
        r.put("high", b.high());
        r.put("low", b.low());
        r.put("close", b.close());
        r.put("volume", b.volume());
        r.put("gap", b.gap());
        r.put("log_return", nullIfNaN(b.logReturn()));
        r.put("volatility", nullIfNaN(b.volatility()));
        r.put("z_score", nullIfNaN(b.zScore()));
        r.put("momentum", nullIfNaN(b.momentum()));
        r.put("score", nullIfNaN(b.score()));
        r.put("anomaly", b.anomaly());
        r.put("model", b.model());
        r.put("modelVersion", b.modelVersion());
        return r;
    }

    @Override
    protected ProcessedBar fromRecord(GenericRecord r) {
        return new ProcessedBar(str(r, "symbol"), str(r, "interval"), (Long) r.get("openTime"),
                (Double) r.get("open"), (Double) r.get("high"), (Double) r.get("low"), (Double) r.get("close"),
                (Double) r.get("volume"), (Boolean) r.get("gap"),
                nanIfNull(r.get("log_return")), nanIfNull(r.get("volatility")), nanIfNull(r.get("z_score")),
                nanIfNull(r.get("momentum")), nanIfNull(r.get("score")), (Boolean) r.get("anomaly"),
                str(r, "model"), (Integer) r.get("modelVersion"));
    }

    static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }

    static double nanIfNull(Object v) {
        return v == null ? Double.NaN : (Double) v;
    }
}
