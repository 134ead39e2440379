package dev.riskplatform.batch.input;

import dev.riskplatform.io.BarParquet;
import dev.riskplatform.io.ParquetCodec;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** risk-io's raw/bars/ schema ({@link BarParquet#SCHEMA}) read into unchecked {@link RawBar} rows. */
public final class RawBarCodec extends ParquetCodec<RawBar> {

    public RawBarCodec() {
        super(BarParquet.SCHEMA);
    }

    @Override
    protected GenericRecord toRecord(RawBar b, GenericData.Record r) {
        r.put("symbol", b.symbol());
        r.put("interval", b.interval());
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
    protected RawBar fromRecord(GenericRecord r) {
        return new RawBar(str(r, "symbol"), str(r, "interval"), (Long) r.get("openTime"), (Long) r.get("closeTime"),
                (Double) r.get("open"), (Double) r.get("high"), (Double) r.get("low"), (Double) r.get("close"),
                (Double) r.get("volume"), (Double) r.get("quoteVolume"), (Double) r.get("vwap"),
                (Long) r.get("tradeCount"), (Long) r.get("firstTradeId"), (Long) r.get("lastTradeId"),
                (Boolean) r.get("gap"));
    }
}
