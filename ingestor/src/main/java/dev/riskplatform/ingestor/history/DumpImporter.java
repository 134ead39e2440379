package dev.riskplatform.ingestor.history;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.ingestor.storage.PartitionWriter;
import dev.riskplatform.io.PartitionKeys;
import dev.riskplatform.io.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.logging.Logger;

/**
 * Imports data.binance.vision kline dumps ({@code SYMBOL-INTERVAL-YYYY-MM[-DD].zip} + {@code .zip.CHECKSUM})
 * into raw/bars/. A zip whose SHA-256 does not match its CHECKSUM (or has none) is refused, never half-used.
 */
@ApplicationScoped
public class DumpImporter {

    private static final Logger LOG = Logger.getLogger(DumpImporter.class);
    private static final Pattern NAME = Pattern.compile("([A-Z0-9]+)-(\\w+)-\\d{4}-\\d{2}(-\\d{2})?\\.zip");

    public record FileResult(String file, String status, int bars, String reason) {}

    private final PartitionWriter writer;

    public DumpImporter(PartitionWriter writer) {
        this.writer = writer;
    }

    public List<FileResult> importDir(Path dir) {
        List<FileResult> results = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path zip : files.filter(p -> p.getFileName().toString().endsWith(".zip")).sorted().toList()) {
                results.add(importZip(zip));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return results;
    }

    FileResult importZip(Path zip) {
        String name = zip.getFileName().toString();
        Matcher m = NAME.matcher(name);
        if (!m.matches()) return refused(name, "not a Binance kline dump name (SYMBOL-INTERVAL-YYYY-MM[-DD].zip)");
        try {
            byte[] bytes = Files.readAllBytes(zip);
            String problem = checksumProblem(zip, bytes);
            if (problem != null) return refused(name, problem);
            BarInterval interval = BarInterval.parse(m.group(2));
            Map<LocalDate, List<Bar>> byDay = new TreeMap<>();
            int n = 0;
            for (Bar b : parseZip(m.group(1), interval, bytes)) {
                byDay.computeIfAbsent(PartitionKeys.utcDate(b.openTime()), d -> new ArrayList<>()).add(b);
                n++;
            }
            byDay.forEach((day, bars) -> writer.writeBars(m.group(1), interval, day, bars));
            LOG.infof("imported %s: %d bars, %d days", name, n, byDay.size());
            return new FileResult(name, "imported", n, null);
        } catch (IOException | RuntimeException e) {
            return refused(name, e.getMessage());
        }
    }

    private static String checksumProblem(Path zip, byte[] bytes) throws IOException {
        Path sumFile = zip.resolveSibling(zip.getFileName() + ".CHECKSUM");
        if (!Files.exists(sumFile)) return "no " + sumFile.getFileName() + " beside it";
        String expected = Files.readString(sumFile, StandardCharsets.US_ASCII).trim().split("\\s+")[0].toLowerCase();
        String actual = Sha256.hex(bytes);
        return expected.equals(actual) ? null : "SHA-256 mismatch: file " + actual + ", CHECKSUM " + expected;
    }

    private static List<Bar> parseZip(String symbol, BarInterval interval, byte[] bytes) throws IOException {
        List<Bar> bars = new ArrayList<>();
        try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = zin.getNextEntry()) != null; ) {
                if (!e.getName().endsWith(".csv")) continue;
                String csv = new String(zin.readAllBytes(), StandardCharsets.US_ASCII);
                int row = 0;
                for (String line : csv.split("\r?\n")) {
                    row++;
                    if (line.isBlank() || line.startsWith("open_time")) continue; // some newer dumps carry a header
                    bars.add(row(symbol, interval, line, row));
                }
            }
        }
        return bars;
    }

    /** open time, open, high, low, close, volume, close time, quote volume, trades, taker base, taker quote, ignore */
    private static Bar row(String symbol, BarInterval interval, String line, int row) {
        String[] f = line.split(",", -1);
        if (f.length < 9) throw new IllegalArgumentException("row " + row + ": expected 12 columns: " + line);
        try {
            return KlineRow.bar(symbol, interval, KlineRow.toMillis(f[0]), f[1], f[2], f[3], f[4], f[5], f[7], Long.parseLong(f[8].trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("row " + row + ": " + e.getMessage(), e);
        }
    }

    private static FileResult refused(String name, String reason) {
        LOG.warnf("refused %s: %s", name, reason);
        return new FileResult(name, "refused", 0, reason);
    }
}
