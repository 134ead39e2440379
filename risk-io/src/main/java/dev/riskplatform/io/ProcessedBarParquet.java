package dev.riskplatform.io;

import dev.riskplatform.core.features.FeatureSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * processed/ files (docs/storage.md): one column per feature of every spec version (docs/features.md
 * names), null where the row's model has no such feature or before warm-up; NaN is stored as null.
 */
public final class ProcessedBarParquet extends ParquetCodec<ProcessedBar> {

    /** v1's then v2's feature names: the feature columns, in this order. */
    public static final List<String> FEATURE_COLUMNS = java.util.stream.Stream
            .concat(FeatureSpec.V1_FEATURE_NAMES.stream(), FeatureSpec.V2_FEATURE_NAMES.stream()).toList();

    public static final Schema SCHEMA = buildSchema();

    private static Schema buildSchema() {
        SchemaBuilder.FieldAssembler<Schema> f = SchemaBuilder.record("ProcessedBar").namespace("dev.riskplatform.processed").fields()
                .requiredString("symbol").requiredString("interval").requiredLong("openTime")
                .requiredDouble("open").requiredDouble("high").requiredDouble("low").requiredDouble("close")
                .requiredDouble("volume").requiredBoolean("gap");
        for (String name : FEATURE_COLUMNS) f = f.optionalDouble(name);
        return f.optionalDouble("score").requiredBoolean("anomaly").requiredString("model").requiredInt("modelVersion")
                .requiredString("scorer").endRecord();
    }

    public ProcessedBarParquet() {
        super(SCHEMA);
    }

    /** Fields by position, in {@link #buildSchema}'s order (a put by name is a hash lookup per value). */
    @Override
    protected GenericRecord toRecord(ProcessedBar b, GenericData.Record r) {
        int i = 0;
        r.put(i++, b.symbol());
        r.put(i++, b.interval());
        r.put(i++, b.openTime());
        r.put(i++, b.open());
        r.put(i++, b.high());
        r.put(i++, b.low());
        r.put(i++, b.close());
        r.put(i++, b.volume());
        r.put(i++, b.gap());
        for (String name : FEATURE_COLUMNS) r.put(i++, nullIfNaN(b.feature(name)));
        r.put(i++, nullIfNaN(b.score()));
        r.put(i++, b.anomaly());
        r.put(i++, b.model());
        r.put(i++, b.modelVersion());
        r.put(i, b.scorer());
        return r;
    }

    @Override
    protected ProcessedBar fromRecord(GenericRecord r) {
        Map<String, Double> features = new LinkedHashMap<>();
        for (String name : FEATURE_COLUMNS) {
            if (r.get(name) != null) features.put(name, (Double) r.get(name));
        }
        return new ProcessedBar(str(r, "symbol"), str(r, "interval"), (Long) r.get("openTime"),
                (Double) r.get("open"), (Double) r.get("high"), (Double) r.get("low"), (Double) r.get("close"),
                (Double) r.get("volume"), (Boolean) r.get("gap"), features, nanIfNull(r.get("score")), (Boolean) r.get("anomaly"),
                str(r, "model"), (Integer) r.get("modelVersion"), str(r, "scorer"));
    }

    static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }

    static double nanIfNull(Object v) {
        return v == null ? Double.NaN : (Double) v;
    }
}
