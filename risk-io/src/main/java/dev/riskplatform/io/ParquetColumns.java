package dev.riskplatform.io;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.DummyRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;

/**
 * Named required top-level columns of a flat Parquet file as primitive arrays (INT64 → long[],
 * DOUBLE → double[], BOOLEAN → boolean[], BINARY → String[]), with no per-row record objects.
 */
final class ParquetColumns {

    private final Map<String, Object> arrays;

    private ParquetColumns(Map<String, Object> arrays) {
        this.arrays = arrays;
    }

    long[] longs(String name) {
        return (long[]) arrays.get(name);
    }

    double[] doubles(String name) {
        return (double[]) arrays.get(name);
    }

    boolean[] booleans(String name) {
        return (boolean[]) arrays.get(name);
    }

    String[] strings(String name) {
        return (String[]) arrays.get(name);
    }

    /** @throws ParquetFormatException when the bytes are not Parquet or lack one of the columns */
    static ParquetColumns read(byte[] parquet, String what, List<String> names) {
        ParquetCodec.requireMagic(parquet);
        try (ParquetFileReader r = ParquetFileReader.open(new InMemoryInputFile(parquet),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            MessageType file = r.getFooter().getFileMetaData().getSchema();
            MessageType projection = new MessageType(file.getName(), names.stream().map(file::getType).toList());
            r.setRequestedSchema(projection);
            return new ParquetColumns(readAll(r, projection));
        } catch (IOException | RuntimeException e) {
            throw new ParquetFormatException("not a readable " + what + " Parquet file (" + parquet.length + " bytes): " + e, e);
        }
    }

    private static Map<String, Object> readAll(ParquetFileReader r, MessageType projection) throws IOException {
        int total = Math.toIntExact(r.getRecordCount()), at = 0;
        Map<String, Object> arrays = new HashMap<>();
        List<ColumnDescriptor> cols = projection.getColumns();
        for (ColumnDescriptor c : cols) arrays.put(c.getPath()[0], allocate(c, total));
        String createdBy = r.getFooter().getFileMetaData().getCreatedBy();
        for (PageReadStore pages; (pages = r.readNextRowGroup()) != null; ) {
            var store = new ColumnReadStoreImpl(pages, new DummyRecordConverter(projection).getRootConverter(), projection, createdBy);
            int rows = Math.toIntExact(pages.getRowCount());
            for (ColumnDescriptor c : cols) fill(store.getColumnReader(c), arrays.get(c.getPath()[0]), at, rows);
            at += rows;
        }
        if (at != total) throw new IOException("footer says " + total + " rows, row groups hold " + at);
        return arrays;
    }

    private static Object allocate(ColumnDescriptor c, int n) {
        if (c.getMaxDefinitionLevel() != 0 || c.getMaxRepetitionLevel() != 0) {
            throw new IllegalArgumentException("column " + Arrays.toString(c.getPath()) + " is not a required flat column");
        }
        return switch (c.getPrimitiveType().getPrimitiveTypeName()) {
            case INT64 -> new long[n];
            case DOUBLE -> new double[n];
            case BOOLEAN -> new boolean[n];
            case BINARY -> new String[n];
            default -> throw new IllegalArgumentException("column " + Arrays.toString(c.getPath()) + " has an unsupported type");
        };
    }

    private static void fill(ColumnReader col, Object array, int at, int rows) {
        if (array instanceof long[] a) {
            for (int i = 0; i < rows; i++, col.consume()) a[at + i] = col.getLong();
        } else if (array instanceof double[] a) {
            for (int i = 0; i < rows; i++, col.consume()) a[at + i] = col.getDouble();
        } else if (array instanceof boolean[] a) {
            for (int i = 0; i < rows; i++, col.consume()) a[at + i] = col.getBoolean();
        } else {
            fillStrings(col, (String[]) array, at, rows);
        }
    }

    /** Symbol-like columns repeat one value: decode a string only when the bytes change. */
    private static void fillStrings(ColumnReader col, String[] a, int at, int rows) {
        Binary last = null;
        String lastString = null;
        for (int i = 0; i < rows; i++, col.consume()) {
            Binary b = col.getBinary();
            if (last == null || !last.equals(b)) {
                last = b.copy();
                lastString = b.toStringUsingUTF8();
            }
            a[at + i] = lastString;
        }
    }
}
