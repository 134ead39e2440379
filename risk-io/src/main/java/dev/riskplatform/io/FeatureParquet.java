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
 * and close, then the features in {@link FeatureSpec#FEATURE_NAMES} order, one column each.
 */
public final class FeatureParquet extends ParquetCodec<FeatureVector> {

    public static final Schema SCHEMA = buildSchema();

    public FeatureParquet() {
        super(SCHEMA);
    }

    private static Schema buildSchema() {
        SchemaBuilder.FieldAssembler<Schema> f = SchemaBuilder.record("FeatureRow").namespace("dev.riskplatform.features")
                .fields().requiredLong("openTime").requiredDouble("close");
        for (String name : FeatureSpec.FEATURE_NAMES) f = f.requiredDouble(name);
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
        double[] values = new double[n * FeatureMatrix.COLUMNS];
        for (int r = 0; r < n; r++) {
            FeatureVector v = rows.get(r);
            open[r] = v.openTime();
            close[r] = v.close();
            for (int c = 0; c < FeatureMatrix.COLUMNS; c++) values[r * FeatureMatrix.COLUMNS + c] = v.value(c);
        }
        return new FeatureMatrix(open, close, values);
    }

    @Override
    protected GenericRecord toRecord(FeatureVector v, GenericData.Record r) {
        r.put("openTime", v.openTime());
        r.put("close", v.close());
        for (int c = 0; c < FeatureSpec.FEATURE_NAMES.size(); c++) r.put(FeatureSpec.FEATURE_NAMES.get(c), v.value(c));
        return r;
    }

    @Override
    protected FeatureVector fromRecord(GenericRecord r) {
        double[] values = new double[FeatureSpec.FEATURE_NAMES.size()];
        for (int c = 0; c < values.length; c++) values[c] = (Double) r.get(FeatureSpec.FEATURE_NAMES.get(c));
        return new FeatureVector((Long) r.get("openTime"), (Double) r.get("close"), values);
    }
}
