package dev.riskplatform.io;

import dev.riskplatform.core.market.Trade;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetWriter;

/** raw/trades/ files: price and quantity as decimal strings, exactly as Binance sent them. */
public final class TradeParquet extends ParquetCodec<Trade> {

    public static final Schema SCHEMA = SchemaBuilder.record("Trade").namespace("dev.riskplatform.raw").fields()
            .requiredString("symbol")
            .requiredLong("tradeId")
            .requiredString("price")
            .requiredString("quantity")
            .requiredLong("tradeTime")
            .requiredBoolean("buyerIsMaker")
            .endRecord();

    public TradeParquet() {
        super(SCHEMA);
    }

    /**
     * The same file, byte for byte, as {@link #write(java.util.List)} of the buffer's trades, without
     * a record, a BigDecimal or a String per trade: the live archive's path.
     */
    public byte[] write(TradeBuffer trades) {
        InMemoryOutputFile out = new InMemoryOutputFile();
        try (ParquetWriter<TradeBuffer.Row> writer = configure(new TradeRowWriteSupport.Builder(out, trades.symbol()), SCHEMA).build()) {
            for (TradeBuffer.Row r = trades.rows(); r.next(); ) writer.write(r);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write Trade Parquet", e);
        }
        return out.toByteArray();
    }

    @Override
    protected GenericRecord toRecord(Trade t, GenericData.Record r) {
        r.put("symbol", t.symbol());
        r.put("tradeId", t.tradeId());
        r.put("price", t.price().toPlainString());
        r.put("quantity", t.quantity().toPlainString());
        r.put("tradeTime", t.tradeTime());
        r.put("buyerIsMaker", t.buyerIsMaker());
        return r;
    }

    @Override
    protected Trade fromRecord(GenericRecord r) {
        return Trade.parse(str(r, "symbol"), (Long) r.get("tradeId"), str(r, "price"), str(r, "quantity"),
                (Long) r.get("tradeTime"), (Boolean) r.get("buyerIsMaker"));
    }
}
