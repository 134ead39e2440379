package dev.riskplatform.io;

import dev.riskplatform.core.market.Trade;
import java.util.ArrayList;
import java.util.List;

/**
 * The trades of one symbol waiting to be written to raw/trades/, packed in arrival order: per
 * trade the zigzag varint differences of its id and time to the previous trade's, a flag byte,
 * and price and quantity as the plain decimal strings {@link TradeParquet} stores. About 25 bytes
 * a trade (a Trade with its two BigDecimals in a list is ~250), no object per trade, and chunks
 * from a {@link ChunkPool}. {@link TradeParquet#write(TradeBuffer)} reads it back in order.
 * Not thread-safe.
 */
public final class TradeBuffer {

    /** Two varint longs, the flag byte and two varint lengths at most. */
    private static final int FIXED_MAX = 10 + 10 + 1 + 5 + 5;

    private final String symbol;
    private final ChunkPool pool;
    private final List<byte[]> chunks = new ArrayList<>();
    private int[] ends = new int[4];
    private byte[] chunk;
    private int pos, size;
    private long lastId, lastTime;

    public TradeBuffer(String symbol, ChunkPool pool) {
        this.symbol = symbol;
        this.pool = pool;
    }

    /** @throws IllegalArgumentException for a trade of another symbol */
    public void add(Trade t) {
        if (!symbol.equals(t.symbol())) throw new IllegalArgumentException("trade for " + t.symbol() + " added to the " + symbol + " buffer");
        // toPlainString: what TradeParquet has always stored ("1E+3" is stored as "1000").
        String price = t.price().toPlainString(), quantity = t.quantity().toPlainString();
        reserve(FIXED_MAX + price.length() + quantity.length());
        putVarLong(zigzag(t.tradeId() - lastId));
        putVarLong(zigzag(t.tradeTime() - lastTime));
        chunk[pos++] = (byte) (t.buyerIsMaker() ? 1 : 0);
        putAscii(price);
        putAscii(quantity);
        lastId = t.tradeId();
        lastTime = t.tradeTime();
        size++;
    }

    public String symbol() {
        return symbol;
    }

    public int size() {
        return size;
    }

    /** Gives the chunks back to the pool; the buffer is empty afterwards and may be reused. */
    public void release() {
        for (byte[] c : chunks) pool.give(c);
        chunks.clear();
        chunk = null;
        pos = size = 0;
        lastId = lastTime = 0;
    }

    /** The rows from the first, as one cursor object (no object per row). */
    Row rows() {
        return new Row();
    }

    private void reserve(int bytes) {
        if (bytes > ChunkPool.CHUNK_BYTES) throw new IllegalArgumentException("a trade of " + bytes + " bytes does not fit a chunk");
        if (chunk != null && pos + bytes <= chunk.length) return;
        if (chunk != null) end(chunks.size() - 1, pos);
        chunk = pool.take();
        chunks.add(chunk);
        pos = 0;
    }

    private void end(int index, int at) {
        if (index >= ends.length) ends = java.util.Arrays.copyOf(ends, ends.length * 2);
        ends[index] = at;
    }

    private void putVarLong(long v) {
        while ((v & ~0x7FL) != 0) {
            chunk[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        chunk[pos++] = (byte) v;
    }

    private void putAscii(String s) {
        putVarLong(s.length());
        for (int i = 0; i < s.length(); i++) chunk[pos++] = (byte) s.charAt(i); // digits, '-', '.': ASCII
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    /** A cursor over the rows; the price and quantity bytes are valid until the next {@link #next()}. */
    final class Row {
        private int chunkIndex = -1, at, limit;
        private byte[] bytes;
        private long id, time;
        private boolean buyerIsMaker;
        private int priceOffset, priceLength, quantityOffset, quantityLength;

        boolean next() {
            if (bytes == null || at >= limit) {
                if (++chunkIndex >= chunks.size()) return false;
                bytes = chunks.get(chunkIndex);
                at = 0;
                limit = chunkIndex == chunks.size() - 1 ? pos : ends[chunkIndex];
                if (at >= limit) return false;
            }
            id += unzigzag(varLong());
            time += unzigzag(varLong());
            buyerIsMaker = bytes[at++] != 0;
            priceLength = (int) varLong();
            priceOffset = at;
            at += priceLength;
            quantityLength = (int) varLong();
            quantityOffset = at;
            at += quantityLength;
            return true;
        }

        String symbol() { return symbol; }
        long tradeId() { return id; }
        long tradeTime() { return time; }
        boolean buyerIsMaker() { return buyerIsMaker; }
        byte[] bytes() { return bytes; }
        int priceOffset() { return priceOffset; }
        int priceLength() { return priceLength; }
        int quantityOffset() { return quantityOffset; }
        int quantityLength() { return quantityLength; }

        private long varLong() {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = bytes[at++];
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) return v;
            }
        }
    }
}
