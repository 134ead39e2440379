package dev.riskplatform.detector;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.riskplatform.core.risk.Severity;
import dev.riskplatform.detector.model.ModelManager;
import dev.riskplatform.detector.stream.ConsumerLag;
import dev.riskplatform.detector.support.Await;
import dev.riskplatform.detector.support.Series;
import dev.riskplatform.detector.support.TestModels;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import dev.riskplatform.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * After a replayed series (a jump, hence an alert, and one refused record), the stream's meters on
 * /q/metrics hold plausible values. Counters are those of the whole test application, so they are
 * checked as lower bounds.
 */
@Order(50)
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class MetricsTest {

    private static final String SYMBOL = "METRICSUSDT";
    private static final int BARS = 200, JUMP_AT = 150;

    @Inject
    ModelManager models;

    @Inject
    ConsumerLag lag;

    @Test
    void streamMetersAndConsumerLagAreExposedWithPlausibleValues() {
        TestModels.ensureServing(models);
        Series.send(SYMBOL, Series.jump(Series.closes(BARS), JUMP_AT, "1.05"), 0, BARS);
        TopicProbe.send("market_prices", SYMBOL, "not a trade");
        assertEquals(BARS, Series.read("risk_events", SYMBOL, BARS).size(), "one event per closed bar");
        assertEquals(1, Series.read("risk_alerts", SYMBOL, 1).size(), "the jump's alert");
        assertEquals(1, Series.read("detector_dlq", SYMBOL, 1).size(), "the refused record");
        // Known once the consumer has fetched from its partitions; the refresh runs every 2 s.
        Await.until("consumer lag is known", Duration.ofSeconds(30), () -> lag.lag() >= 0);
        long version = models.active().orElseThrow().version();

        // A counter moves right after its record was sent (trades at the end of their batch): poll briefly.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
            List<String> problems = problems(new Scrape(text), version);
            if (problems.isEmpty()) return;
            if (System.nanoTime() > deadline) fail("/q/metrics: " + problems + "\n" + detectorLines(text));
            sleep();
        }
    }

    private static List<String> problems(Scrape m, long version) {
        List<String> p = new ArrayList<>();
        atLeast(p, m, "detector_trades_total", 2 * BARS);
        atLeast(p, m, "detector_bars_total", BARS);
        atLeast(p, m, "detector_publish_to_event_latency_seconds_count", BARS);
        atLeast(p, m, "detector_publish_to_event_latency_seconds_bucket", 1);
        atLeast(p, m, "detector_publish_to_event_latency_seconds_sum", 0);
        for (Severity s : Severity.values()) atLeast(p, m, "detector_alerts_total{severity=\"" + s.name() + "\"", 0);
        atLeast(p, m, "detector_alerts_total", 1);
        atLeast(p, m, "detector_dead_letters_total", 1);
        atLeast(p, m, "detector_model_reloads_total", 1);
        atLeast(p, m, "detector_models_rejected_total", 0);
        atLeast(p, m, "detector_model_load_seconds_count", 1);
        atLeast(p, m, "detector_model_swap_pause_seconds_count", 0);
        atLeast(p, m, "detector_consumer_lag_records", 0);
        OptionalDouble served = m.sum("detector_model_version");
        if (served.isEmpty() || served.getAsDouble() != version) p.add("detector_model_version " + served + ", serving v" + version);
        return p;
    }

    private static void atLeast(List<String> problems, Scrape m, String series, double min) {
        OptionalDouble v = m.sum(series);
        if (v.isEmpty()) problems.add(series + " missing");
        else if (v.getAsDouble() < min) problems.add(series + " = " + v.getAsDouble() + " < " + min);
    }

    /** Prometheus text: the sum over the samples of a series (a name, or a name and its first labels). */
    private record Scrape(String text) {
        OptionalDouble sum(String series) {
            double total = 0;
            boolean found = false;
            for (String line : text.split("\n")) {
                if (line.startsWith("#") || !line.startsWith(series)) continue;
                char next = line.length() > series.length() ? line.charAt(series.length()) : ' ';
                if (!series.endsWith("\"") && next != ' ' && next != '{') continue; // another meter with this prefix
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
            return found ? OptionalDouble.of(total) : OptionalDouble.empty();
        }
    }

    private static String detectorLines(String text) {
        StringBuilder b = new StringBuilder();
        for (String line : text.split("\n")) if (line.startsWith("detector_") && !line.contains("_bucket")) b.append(line).append('\n');
        return b.toString();
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }
}
