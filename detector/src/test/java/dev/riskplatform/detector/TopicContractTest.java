package dev.riskplatform.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.riskplatform.detector.model.ModelManager;
import dev.riskplatform.detector.support.Series;
import dev.riskplatform.detector.support.TestModels;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import dev.riskplatform.testsupport.TopicProbe;
import dev.riskplatform.testsupport.TopicSchemas;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * What the detector really writes to risk_events, risk_alerts and detector_dlq conforms to
 * docs/schemas/, and so do the trades it reads; the stdlib Python consumer (tools/alert-consumer)
 * accepts the alerts and refuses a broken one.
 */
@Order(10)
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class TopicContractTest {

    private static final String SYMBOL = "SCHEMAUSDT";
    private static final int BARS = 200, JUMP_AT = 150;

    @Inject
    ModelManager models;

    @Test
    void theDetectorsRecordsConformToTheTopicSchemas() throws Exception {
        TestModels.ensureServing(models);
        BigDecimal[] closes = Series.jump(Series.closes(BARS), JUMP_AT, "1.05");
        for (String trade : Series.trades(SYMBOL, closes, 0)) assertConforms("market_prices", trade);
        TopicProbe.send("market_prices", SYMBOL, "{\"symbol\":\"" + SYMBOL + "\",\"tradeId\":-1}");
        Series.send(SYMBOL, closes, 0, BARS);

        List<JsonNode> events = Series.read("risk_events", SYMBOL, BARS);
        assertEquals(BARS, events.size());
        assertTrue(events.stream().anyMatch(e -> e.has("features")) && events.stream().anyMatch(e -> !e.has("features")),
                "warm-up and scored bars are both checked");
        for (JsonNode e : events) assertConforms("risk_events", e.toString());
        List<JsonNode> alerts = Series.readAll("risk_alerts", SYMBOL);
        assertEquals(1, alerts.size(), alerts.toString());
        for (JsonNode a : alerts) assertConforms("risk_alerts", a.toString());
        List<JsonNode> dead = Series.read("detector_dlq", SYMBOL, 1);
        assertFalse(dead.isEmpty());
        for (JsonNode d : dead) assertConforms("detector_dlq", d.toString());

        ObjectNode broken = alerts.get(0).deepCopy();
        broken.remove("severity");
        broken.put("episodeBars", 0);
        assertEquals(2, TopicSchemas.violations("risk_alerts", broken.toString()).size(), "the schema catches a broken alert");
        pythonConsumerChecks(alerts, broken);
    }

    /** tools/alert-consumer/risk_alerts_check.py on the alerts as JSON lines: ok for the real ones, INVALID for the broken one. */
    private static void pythonConsumerChecks(List<JsonNode> alerts, JsonNode broken) throws IOException, InterruptedException {
        Path script = TopicSchemas.dir().getParent().getParent().resolve("tools/alert-consumer/risk_alerts_check.py");
        List<String> lines = alerts.stream().map(JsonNode::toString).collect(Collectors.toCollection(ArrayList::new));
        assertEquals(List.of("ok " + alerts.get(0).get("alertId").asText()), runPython(script, lines, 0));
        lines.add(broken.toString());
        List<String> out = runPython(script, lines, 1);
        assertEquals(2, out.size(), out.toString());
        assertTrue(out.get(1).startsWith("INVALID 2: ") && out.get(1).contains("severity is missing")
                && out.get(1).contains("episodeBars: 0 is below 1"), out.toString());
    }

    private static List<String> runPython(Path script, List<String> stdin, int expectedExit) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString()).redirectErrorStream(true).start();
        p.getOutputStream().write((String.join("\n", stdin) + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(expectedExit, p.exitValue(), out);
        return out.lines().toList();
    }

    private static void assertConforms(String topic, String json) {
        assertEquals(List.of(), TopicSchemas.violations(topic, json), topic + ": " + json);
    }
}
