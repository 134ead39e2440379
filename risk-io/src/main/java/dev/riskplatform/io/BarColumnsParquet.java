package dev.riskplatform.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.DummyRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.MessageType;

/**
 * Bulk path for raw/bars/ files ({@link BarParquet#SCHEMA}): only openTime and OHLC, read column by
 * column into primitive arrays (no per-row records). For analytics over many bars; rows are NOT
 * validated here, unlike {@link BarParquet#read}.
 */
public final class BarColumnsParquet {

    private static final List<String> COLUMNS = List.of("openTime", "open", "high", "low", "close");

    private BarColumnsParquet() {
    }

    /** File order columns. */
    public record BarColumns(long[] openTime, double[] open, double[] high, double[] low, double[] close) {
        public int size() {
            return openTime.length;
        }
    }

    public static BarColumns read(byte[] parquet) {
        try (ParquetFileReader r = ParquetFileReader.open(new InMemoryInputFile(parquet),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            MessageType file = r.getFooter().getFileMetaData().getSchema();
            MessageType projection = new MessageType(file.getName(), COLUMNS.stream().map(file::getType).toList());
            r.setRequestedSchema(projection);
            int total = (int) r.getRecordCount(), at = 0;
            long[] t = new long[total];
            double[][] prices = new double[4][total];
            String createdBy = r.getFooter().getFileMetaData().getCreatedBy();
            for (PageReadStore pages; (pages = r.readNextRowGroup()) != null; ) {
                var store = new ColumnReadStoreImpl(pages, new DummyRecordConverter(projection).getRootConverter(), projection, createdBy);
                int rows = (int) pages.getRowCount();
                List<ColumnDescriptor> cols = projection.getColumns();
                ColumnReader times = store.getColumnReader(cols.get(0));
                for (int i = 0; i < rows; i++, times.consume()) t[at + i] = times.getLong();
                for (int c = 0; c < 4; c++) {
                    ColumnReader col = store.getColumnReader(cols.get(c + 1));
                    for (int i = 0; i < rows; i++, col.consume()) prices[c][at + i] = col.getDouble();
                }
                at += rows;
            }
            return new BarColumns(Arrays.copyOf(t, at), prices[0], prices[1], prices[2], prices[3]);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read bar columns", e);
        }
    }
}
