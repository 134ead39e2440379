package dev.riskplatform.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Writes and reads one record type as a whole Parquet file in memory. Generic records and a
 * plain (non-Hadoop) configuration keep Parquet off Hadoop's FileSystem and off reflection.
 */
public abstract class ParquetCodec<T> {

    private final Schema schema;

    protected ParquetCodec(Schema schema) {
        this.schema = schema;
    }

    public Schema schema() {
        return schema;
    }

    protected abstract GenericRecord toRecord(T value, GenericData.Record record);

    protected abstract T fromRecord(GenericRecord record);

    public byte[] write(List<T> values) {
        InMemoryOutputFile out = new InMemoryOutputFile();
        try (ParquetWriter<GenericRecord> writer = configure(AvroParquetWriter.<GenericRecord>builder(out)
                .withSchema(schema)
                .withDataModel(GenericData.get()), schema)
                .build()) {
            for (T v : values) writer.write(toRecord(v, new GenericData.Record(schema)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not write " + schema.getName() + " Parquet", e);
        }
        return out.toByteArray();
    }

    /**
     * The settings every file is written with, whatever writes it: plain (non-Hadoop) configuration, Snappy, and
     * dictionary encoding for the string columns only (symbol, interval, model, scorer, decimal prices: few distinct
     * values a file). A number column's values are mostly distinct (times, prices, features), so its dictionary would
     * be built value by value and then dropped for plain encoding at the end of the page; Snappy still compresses a
     * repeated number (a model version) to almost nothing. Readers see no difference: the encoding is per page.
     */
    static <B extends ParquetWriter.Builder<?, B>> B configure(B builder, Schema schema) {
        builder.withConf(new PlainParquetConfiguration()).withCompressionCodec(CompressionCodecName.SNAPPY)
                .withDictionaryEncoding(false);
        for (Schema.Field f : schema.getFields()) {
            if (isString(f.schema())) builder.withDictionaryEncoding(f.name(), true);
        }
        return builder;
    }

    /** A string field, or an optional one (a union of null and string). */
    private static boolean isString(Schema s) {
        if (s.getType() == Schema.Type.UNION) return s.getTypes().stream().anyMatch(ParquetCodec::isString);
        return s.getType() == Schema.Type.STRING;
    }

    /** @throws ParquetFormatException when the bytes are not a Parquet file of this schema */
    public List<T> read(byte[] parquet) {
        requireMagic(parquet);
        List<T> values = new ArrayList<>();
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new InMemoryInputFile(parquet),
                        new PlainParquetConfiguration())
                .withDataModel(GenericData.get())
                .build()) {
            for (GenericRecord r; (r = reader.read()) != null; ) values.add(fromRecord(r));
        } catch (IOException | RuntimeException e) {
            throw new ParquetFormatException("not a readable " + schema.getName() + " Parquet file ("
                    + parquet.length + " bytes): " + e, e);
        }
        return values;
    }

    /** Parquet files start and end with "PAR1": checking first gives a plain reason for the common cases. */
    static void requireMagic(byte[] b) {
        boolean ok = b.length >= 12 && b[0] == 'P' && b[1] == 'A' && b[2] == 'R' && b[3] == '1'
                && b[b.length - 4] == 'P' && b[b.length - 3] == 'A' && b[b.length - 2] == 'R' && b[b.length - 1] == '1';
        if (!ok) {
            throw new ParquetFormatException("not a Parquet file (" + b.length
                    + " bytes): missing the PAR1 magic at start or end (truncated or not Parquet)", null);
        }
    }

    protected static String str(GenericRecord r, String field) {
        Object v = r.get(field);
        return v == null ? null : v.toString();
    }
}
