package dev.riskplatform.io;

import dev.riskplatform.core.features.FeatureMatrix;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.features.FeatureVector;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * features/ dataset files (docs/storage.md): one row per bar after warm-up, the bar's open time
 * and close, then the spec's features in {@link FeatureSpec#featureNames()} order, one column each.
 */
public final class FeatureParquet extends ParquetCodec<FeatureVector> {

    private final List<String> names;

    public FeatureParquet(FeatureSpec spec) {
        super(schema(spec.featureNames()));
        this.names = spec.featureNames();
    }

    public static Schema schema(List<String> featureNames) {
        SchemaBuilder.FieldAssembler<Schema> f = SchemaBuilder.record("FeatureRow").namespace("dev.riskplatform.features")
                .fields().requiredLong("openTime").requiredDouble("close");
        for (String name : featureNames) f = f.requiredDouble(name);
        return f.endRecord();
    }

    /** The whole matrix as one Parquet file. */
    public byte[] write(FeatureMatrix m) {
        List<FeatureVector> rows = new ArrayList<>(m.rows());
        for (int r = 0; r < m.rows(); r++) rows.add(m.row(r));
        return write(rows);
    }

    /** @throws ParquetFormatException when the bytes are not a feature dataset */
    public FeatureMatrix readMatrix(byte[] parquet) {
        List<FeatureVector> rows = read(parquet);
        int n = rows.size();
        long[] open = new long[n];
        double[] close = new double[n];
        int d = names.size();
        double[] values = new double[n * d];
        for (int r = 0; r < n; r++) {
            FeatureVector v = rows.get(r);
            open[r] = v.openTime();
            close[r] = v.close();
            for (int c = 0; c < d; c++) values[r * d + c] = v.value(c);
        }
        return new FeatureMatrix(open, close, values, d);
    }

    @Override
    protected GenericRecord toRecord(FeatureVector v, GenericData.Record r) {
        r.put("openTime", v.openTime());
        r.put("close", v.close());
        for (int c = 0; c < names.size(); c++) r.put(names.get(c), v.value(c));
        return r;
    }

    @Override
    protected FeatureVector fromRecord(GenericRecord r) {
        double[] values = new double[names.size()];
        for (int c = 0; c < values.length; c++) values[c] = (Double) r.get(names.get(c));
        return new FeatureVector((Long) r.get("openTime"), (Double) r.get("close"), values);
    }
}
