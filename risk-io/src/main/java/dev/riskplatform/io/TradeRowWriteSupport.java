package dev.riskplatform.io;

import org.apache.avro.generic.GenericData;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes {@link TradeBuffer} rows straight to Parquet's record consumer: no GenericRecord, no
 * boxed long, no String per value. The schema and the file metadata come from parquet-avro's own
 * write support for {@link TradeParquet#SCHEMA}, so the file is byte for byte the one
 * {@link TradeParquet#write(java.util.List)} makes (ParquetRoundTripTest) and every reader,
 * parquet-avro included, sees no difference.
 */
final class TradeRowWriteSupport extends WriteSupport<TradeBuffer.Row> {

    private static final MessageType MESSAGE = new AvroSchemaConverter().convert(TradeParquet.SCHEMA);
    private static final String[] FIELDS = TradeParquet.SCHEMA.getFields().stream().map(f -> f.name()).toArray(String[]::new);

    private final AvroWriteSupport<?> avro = new AvroWriteSupport<>(MESSAGE, TradeParquet.SCHEMA, GenericData.get());
    private final Binary symbol;
    private RecordConsumer out;

    TradeRowWriteSupport(String symbol) {
        this.symbol = Binary.fromString(symbol);
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return avro.init(configuration);
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return avro.init(configuration);
    }

    @Override
    public String getName() {
        return avro.getName();
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        out = recordConsumer;
    }

    /** Field order and types of {@link TradeParquet#SCHEMA}: symbol, tradeId, price, quantity, tradeTime, buyerIsMaker. */
    @Override
    public void write(TradeBuffer.Row r) {
        out.startMessage();
        field(0).addBinary(symbol);
        endField(0);
        field(1).addLong(r.tradeId());
        endField(1);
        // "Reused": Parquet copies the bytes when it keeps them (dictionary, statistics); the chunk outlives the file anyway.
        field(2).addBinary(Binary.fromReusedByteArray(r.bytes(), r.priceOffset(), r.priceLength()));
        endField(2);
        field(3).addBinary(Binary.fromReusedByteArray(r.bytes(), r.quantityOffset(), r.quantityLength()));
        endField(3);
        field(4).addLong(r.tradeTime());
        endField(4);
        field(5).addBoolean(r.buyerIsMaker());
        endField(5);
        out.endMessage();
    }

    private RecordConsumer field(int index) {
        out.startField(FIELDS[index], index);
        return out;
    }

    private void endField(int index) {
        out.endField(FIELDS[index], index);
    }

    static final class Builder extends ParquetWriter.Builder<TradeBuffer.Row, Builder> {
        private final String symbol;

        Builder(OutputFile file, String symbol) {
            super(file);
            this.symbol = symbol;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<TradeBuffer.Row> getWriteSupport(Configuration configuration) {
            return new TradeRowWriteSupport(symbol);
        }

        @Override
        protected WriteSupport<TradeBuffer.Row> getWriteSupport(ParquetConfiguration configuration) {
            return new TradeRowWriteSupport(symbol);
        }
    }
}
