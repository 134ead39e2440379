package dev.riskplatform.io;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** raw/bars/ files: every field of risk-core's {@link Bar}; the interval as its code ("1m"). */
public final class BarParquet extends ParquetCodec<Bar> {

    public static final Schema SCHEMA = SchemaBuilder.record("Bar").namespace("dev.riskplatform.raw").fields()
            .requiredString("symbol")
            .requiredString("interval")
            .requiredLong("openTime")
            .requiredLong("closeTime")
            .requiredDouble("open")
            .requiredDouble("high")
            .requiredDouble("low")
            .requiredDouble("close")
            .requiredDouble("volume")
            .requiredDouble("quoteVolume")
            .requiredDouble("vwap")
            .requiredLong("tradeCount")
            .requiredLong("firstTradeId")
            .requiredLong("lastTradeId")
            .requiredBoolean("gap")
            .endRecord();

    public BarParquet() {
        super(SCHEMA);
    }

    @Override
    protected GenericRecord toRecord(Bar b, GenericData.Record r) {
        r.put("symbol", b.symbol());
        r.put("interval", b.interval().code());
        r.put("openTime", b.openTime());
        r.put("closeTime", b.closeTime());
        r.put("open", b.open());
        r.put("high", b.high());
        r.put("low", b.low());
        r.put("close", b.close());
        r.put("volume", b.volume());
        r.put("quoteVolume", b.quoteVolume());
        r.put("vwap", b.vwap());
        r.put("tradeCount", b.tradeCount());
        r.put("firstTradeId", b.firstTradeId());
        r.put("lastTradeId", b.lastTradeId());
        r.put("gap", b.gap());
        return r;
    }

    @Override
    protected Bar fromRecord(GenericRecord r) {
        return new Bar(str(r, "symbol"), BarInterval.parse(str(r, "interval")),
                (Long) r.get("openTime"), (Long) r.get("closeTime"),
                (Double) r.get("open"), (Double) r.get("high"), (Double) r.get("low"), (Double) r.get("close"),
                (Double) r.get("volume"), (Double) r.get("quoteVolume"), (Double) r.get("vwap"),
                (Long) r.get("tradeCount"), (Long) r.get("firstTradeId"), (Long) r.get("lastTradeId"),
                (Boolean) r.get("gap"));
    }
}
