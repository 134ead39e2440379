package dev.riskplatform.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The evaluation, reduced for CI (60,000 bars, 60 jumps by default; the full run is
 * {@code -Deval.bars=1000000 -Deval.jumps=1000}, see model-trainer/eval/run-evaluation.sh).
 * Writes target/evaluation/report.md.
 */
class EvaluationReportTest {

    @Test
    void everyDetectorIsScoredInOneRunAndBitstampAnomaliesAreExplained() throws Exception {
        int bars = Integer.getInteger("eval.bars", 60_000), jumps = Integer.getInteger("eval.jumps", 60);
        long seed = Long.getLong("eval.seed", 1L);
        EvaluationRunner.Report r;
        try (InputStream csv = getClass().getResourceAsStream("/bitstamp_trades_from_20131125_usd.csv")) {
            r = EvaluationRunner.run(bars, jumps, seed, csv);
        }
        Path out = Path.of("target/evaluation/report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, EvaluationMarkdown.render(r));

        assertEquals(8, r.detectors().size());
        for (EvaluationRunner.Row x : r.detectors()) {
            // jumps are 4-10 σ of their regime: every detector must rank them far above chance
            assertTrue(x.auc() > 0.9 && x.auc() <= 1, x.toString());
            assertTrue(x.averagePrecision() > 0 && x.averagePrecision() <= 1, x.toString());
        }
        assertTrue(r.blend().falseAlertRate() >= 0 && r.blend().falseAlertRate() < 0.01, r.blend().toString());
        assertEquals(10, r.bitstamp().top().size());
        Instant from = Instant.parse(r.bitstamp().from()), to = Instant.parse(r.bitstamp().to());
        r.bitstamp().top().forEach(a -> assertTrue(!Instant.ofEpochMilli(a.openTime()).isBefore(from)
                && !Instant.ofEpochMilli(a.openTime()).isAfter(to) && !a.explanation().contributions().isEmpty()));
    }
}
