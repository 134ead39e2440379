package dev.riskplatform.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The topic contracts of docs/schemas/ (JSON Schema 2020-12), read from the repository, for tests
 * that check what a service really produced: {@code TopicSchemas.violations("risk_alerts", json)}.
 */
public final class TopicSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private TopicSchemas() {
    }

    /** docs/schemas/ of this checkout, found from the working directory (a module's or the root). */
    public static Path dir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs/schemas"))) return p.resolve("docs/schemas");
        }
        throw new IllegalStateException("no docs/schemas above " + Path.of("").toAbsolutePath());
    }

    /** The schema file of a topic; both dead-letter topics share {@code dead_letters}. */
    public static Path file(String topic) {
        String name = topic.endsWith("_dlq") ? "dead_letters" : topic;
        return dir().resolve(name + ".schema.json");
    }

    /** Why {@code json} breaks the topic's schema; empty when it conforms. */
    public static List<String> violations(String topic, String json) {
        try {
            JsonSchema schema = FACTORY.getSchema(JSON.readTree(file(topic).toFile()));
            JsonNode value = JSON.readTree(json);
            return schema.validate(value).stream().map(ValidationMessage::getMessage).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
