package dev.riskplatform.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;

/** ParquetCodec.configure: string columns dictionary-encoded, number columns plain, whichever codec writes. */
class DictionaryEncodingTest {

    @Test
    void stringColumnsUseADictionaryAndNumberColumnsDoNot() throws IOException {
        List<ProcessedBar> rows = new ArrayList<>();
        for (int m = 0; m < 1440; m++) {
            double close = 40_000 + m * 0.37;
            rows.add(new ProcessedBar("BTCUSDT", "1m", 60_000L * m, close, close + 1, close - 1, close, 1.5 + m, false,
                    Map.of("return_sigma", m / 7.0), m / 1440.0, false, "btc-iforest", 3, "isolation-forest"));
        }
        byte[] file = new ProcessedBarParquet().write(rows);
        Map<String, Boolean> dictionary = new TreeMap<>();
        try (ParquetFileReader r = ParquetFileReader.open(new InMemoryInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            for (ColumnChunkMetaData c : r.getFooter().getBlocks().get(0).getColumns()) {
                boolean dict = c.getEncodings().contains(Encoding.PLAIN_DICTIONARY) || c.getEncodings().contains(Encoding.RLE_DICTIONARY);
                if (c.getPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.BINARY) {
                    dictionary.put(c.getPath().toDotString(), dict);
                } else {
                    assertFalse(dict, c.getPath() + " is a number column: plain, no dictionary");
                }
            }
        }
        assertEquals(Map.of("interval", true, "model", true, "scorer", true, "symbol", true), dictionary);
        assertEquals(rows, new ProcessedBarParquet().read(file));
    }
}
