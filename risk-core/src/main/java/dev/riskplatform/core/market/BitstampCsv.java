package dev.riskplatform.core.market;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parser for ta4j-examples' {@code bitstamp_trades_from_20131125_usd.csv} (header
 * {@code timestamp,price,amount}; unix seconds; CRLF). Parsing only: the file itself is a test
 * dependency.
 *
 * <p>Bitstamp rows carry no trade id, so the id is the 1-based data row number. Exact duplicate
 * rows therefore stay distinct trades: at one-second resolution two equal fills are plausible and
 * nothing in the row tells a replay apart. Zero-amount rows are skipped and counted: a print with
 * no quantity is not a trade (Binance never sends one) and would move OHLC without volume.
 */
public final class BitstampCsv {

    public record Result(List<Trade> trades, int rows, int zeroAmountRows) {}

    private BitstampCsv() {}

    public static Result parse(InputStream in, String symbol) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String header = r.readLine();
            if (header == null || !header.strip().equals("timestamp,price,amount")) {
                throw new IllegalArgumentException("not a Bitstamp trades CSV, header: " + header);
            }
            List<Trade> trades = new ArrayList<>();
            int rows = 0, zero = 0;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                rows++;
                Trade t = parseRow(symbol, rows, line.strip());
                if (t.quantity().signum() == 0) zero++;
                else trades.add(t);
            }
            return new Result(List.copyOf(trades), rows, zero);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Trade parseRow(String symbol, int row, String line) {
        String[] f = line.split(",", -1);
        if (f.length != 3) throw new IllegalArgumentException("row " + row + ": expected 3 columns: " + line);
        try {
            long millis = Math.multiplyExact(Long.parseLong(f[0]), 1_000L);
            BigDecimal price = Trade.parseDecimal("price", f[1]);
            BigDecimal amount = Trade.parseDecimal("amount", f[2]);
            // Bitstamp does not say who was maker; false is a placeholder, not a fact.
            return new Trade(symbol, row, price, amount, millis, false);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("row " + row + ": " + e.getMessage(), e);
        }
    }
}
