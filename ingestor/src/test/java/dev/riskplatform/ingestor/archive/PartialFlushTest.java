package dev.riskplatform.ingestor.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.market.Trade;
import dev.riskplatform.ingestor.storage.PartitionWriter;
import dev.riskplatform.io.TradeBuffer;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

/** A flush that fails half-way keeps only what was not written; the retry writes each partition once. */
class PartialFlushTest {

    /** Records writes instead of doing them; the second trades write fails once. Vetoed: not a second PartitionWriter bean. */
    @jakarta.enterprise.inject.Vetoed
    static final class FlakyWriter extends PartitionWriter {
        final List<String> trades = new ArrayList<>();
        final List<String> bars = new ArrayList<>();
        int failuresLeft = 1;

        FlakyWriter() {
            super(null);
        }

        @Override
        public String appendTrades(String symbol, LocalDate date, TradeBuffer add) {
            if (trades.size() == 1 && failuresLeft-- > 0) throw SdkClientException.create("Connection refused");
            trades.add(symbol + "/" + date + "/" + add.size());
            return "";
        }

        @Override
        public Written<Bar> replaceBars(String symbol, BarInterval interval, LocalDate date, Collection<Bar> add, Written<Bar> last) {
            bars.add(symbol + "/" + date + "/" + add.size());
            return new Written<>("etag", "key", List.copyOf(add));
        }
    }

    @Test
    void aRetryAfterAPartialFailureWritesEachPartitionOnce() {
        FlakyWriter writer = new FlakyWriter();
        TradeArchiver archiver = new TradeArchiver(writer);
        long t0 = java.time.Instant.parse("2024-05-01T23:59:00Z").toEpochMilli();
        for (int i = 0; i < 180; i++) {
            archiver.add(Trade.parse(i % 2 == 0 ? "AAAUSDT" : "BBBUSDT", i, "100.5", "0.01", t0 + i * 1_000L, false));
        }
        assertThrows(SdkClientException.class, archiver::flush);
        assertEquals(List.of("AAAUSDT/2024-05-01/30"), writer.trades, "the first partition was written before the failure");
        assertEquals(150, archiver.buffered(), "only the unwritten trades stay buffered");
        archiver.flush();
        assertEquals(List.of("AAAUSDT/2024-05-01/30", "AAAUSDT/2024-05-02/60", "BBBUSDT/2024-05-01/30", "BBBUSDT/2024-05-02/60"),
                writer.trades, "each partition written exactly once");
        assertEquals(0, archiver.buffered());
        archiver.flush();
        assertEquals(4, writer.trades.size(), "nothing left to write");
        assertFalse(writer.bars.isEmpty(), "closed 1m bars written");
        assertEquals(writer.bars.size(), new java.util.HashSet<>(writer.bars).size(), "each bar partition written once: " + writer.bars);
    }

    @Test
    void aBusySymbolDayGoesToOneFilePerRowsPerFileAndARetryResumesAtTheFileThatFailed() {
        FlakyWriter writer = new FlakyWriter();
        TradeArchiver archiver = new TradeArchiver(writer, 100);
        long t0 = java.time.Instant.parse("2024-05-01T10:00:00Z").toEpochMilli();
        for (int i = 0; i < 250; i++) archiver.add(Trade.parse("AAAUSDT", i, "100.5", "0.01", t0 + i * 100L, false));
        assertThrows(SdkClientException.class, archiver::flush);
        assertEquals(150, archiver.buffered(), "the first file's 100 trades left the buffer");
        archiver.flush();
        assertEquals(List.of("AAAUSDT/2024-05-01/100", "AAAUSDT/2024-05-01/100", "AAAUSDT/2024-05-01/50"), writer.trades);
        assertEquals(0, archiver.buffered());
    }

    @Test
    void s3IoAndKafkaErrorsAreRetriedAnythingElseIsABug() {
        assertTrue(ArchiveLoop.isTransient(SdkClientException.create("Unable to execute HTTP request: Connection refused")));
        assertTrue(ArchiveLoop.isTransient(new UncheckedIOException(new ConnectException("refused"))));
        assertTrue(ArchiveLoop.isTransient(new CommitFailedException()));
        assertTrue(ArchiveLoop.isTransient(new IllegalStateException("wrapped", new java.net.SocketTimeoutException())));
        assertFalse(ArchiveLoop.isTransient(new NullPointerException()));
        assertFalse(ArchiveLoop.isTransient(new IllegalArgumentException("bad batch")));
    }
}
