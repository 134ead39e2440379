package dev.riskplatform.io;

import java.util.ArrayDeque;

/**
 * Fixed-size byte chunks for {@link TradeBuffer}s, reused from one flush to the next. Buffered
 * trades live until their flush, long enough to be promoted to the old generation; fresh chunks
 * every flush would be old-generation garbage, reused ones are not. Keeps what the owner lets it
 * ({@link #trim}): the archiver keeps what its last batch used. Not thread-safe: one owner.
 */
public final class ChunkPool {

    /** Small, so an idle symbol's buffer costs little and no chunk is a humongous object for G1. */
    public static final int CHUNK_BYTES = 8 * 1024;

    private final ArrayDeque<byte[]> free = new ArrayDeque<>();
    private int inUse;

    byte[] take() {
        inUse++;
        byte[] chunk = free.poll();
        return chunk != null ? chunk : new byte[CHUNK_BYTES];
    }

    void give(byte[] chunk) {
        inUse--;
        free.push(chunk);
    }

    /** Lets the free chunks beyond {@code keepBytes} go to the garbage collector: after a burst, the pool shrinks again. */
    public void trim(long keepBytes) {
        while (bytesFree() > keepBytes) free.pop();
    }

    /** Bytes of the chunks handed out and not given back: what the buffers hold, partly filled chunks counted whole. */
    public long bytesInUse() {
        return (long) inUse * CHUNK_BYTES;
    }

    /** Bytes kept for reuse. */
    public long bytesFree() {
        return (long) free.size() * CHUNK_BYTES;
    }
}
