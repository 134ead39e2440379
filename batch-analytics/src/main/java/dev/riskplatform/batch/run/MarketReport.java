package dev.riskplatform.batch.run;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A run of many symbols over [from, to] (one shard of them): each symbol's outcome in symbol order, then the tables of
 * the portfolios holding any of them, each written once ({@code portfolioKeys}) or why not ({@code portfolioErrors}).
 * {@link #exitCode()} is the CLI/CronJob contract: 1 if any symbol or portfolio errs, else 3 if any day misses input,
 * else 0.
 */
public record MarketReport(LocalDate from, LocalDate to, String shard, List<SymbolOutcome> symbols,
                           Map<String, String> portfolioKeys, Map<String, String> portfolioErrors, double seconds) {

    public int exitCode() {
        int code = portfolioErrors.isEmpty() ? 0 : 1;
        for (SymbolOutcome s : symbols) code = s.exitCode() == 1 || code == 1 ? 1 : Math.max(code, s.exitCode());
        return code;
    }
}
