package dev.riskplatform.testsupport.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.riskplatform.testsupport.TopicSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Function;

/** What every topic's contract test does: the schema of docs/schemas/, the examples of docs/topics.md, refusals. */
final class Contract {

    private Contract() {
    }

    static void assertConforms(String topic, String json) {
        assertEquals(List.of(), TopicSchemas.violations(topic, json), topic + ": " + json);
    }

    /** The first JSON block under the docs/topics.md heading that names {@code topic} in backquotes. */
    static String example(String topic) {
        List<String> lines;
        try {
            lines = Files.readAllLines(TopicSchemas.dir().getParent().resolve("topics.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int heading = 0;
        while (!(lines.get(heading).startsWith("## ") && lines.get(heading).contains("`" + topic + "`"))) heading++;
        int start = heading;
        while (!lines.get(start).equals("```json")) start++;
        StringBuilder json = new StringBuilder();
        for (int i = start + 1; !lines.get(i).equals("```"); i++) json.append(lines.get(i)).append('\n');
        return json.toString();
    }

    /** The reason the codec's reader gives for refusing {@code json}. */
    static String reason(Function<String, ?> parse, String json) {
        return assertThrows(IllegalArgumentException.class, () -> parse.apply(json), json).getMessage();
    }

    /** The refusals every reader shares (TopicJson), worded with the topic's name. */
    static void refusesWhatIsNotOneJsonObject(String topic, Function<String, ?> parse, String valid) {
        assertEquals(topic + " value is missing", reason(parse, null));
        assertEquals(topic + " value is not a JSON object", reason(parse, "[" + valid + "]"));
        assertEquals(topic + " value is not a JSON object", reason(parse, ""));
        assertEquals(topic + " value has content after the JSON object", reason(parse, valid + " {}"));
        String cut = valid.substring(0, valid.length() / 2);
        String notJson = reason(parse, cut);
        if (!notJson.startsWith(topic + " value is not JSON: ")) throw new AssertionError(notJson);
    }

    /** {@code json} without its member {@code field} (a top-level member written {@code "field":}). */
    static String without(String json, String field) {
        return json.replace("\"" + field + "\":", "\"no_" + field + "\":");
    }
}
