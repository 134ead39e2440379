package dev.riskplatform.io.topic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * What the topic codecs share: one thread-safe {@link JsonFactory}, writing through a streaming generator (no tree
 * per record), and the refusals every reader gives in the same words: {@code <topic> value is missing}, {@code … is
 * not JSON: …}, {@code … is not a JSON object}, {@code … has content after the JSON object}.
 */
final class TopicJson {

    /**
     * Doubles written by the shortest-repr (Schubfach) writer and read by the fast parser: the same values round
     * trip as with {@code Double.toString} and {@code Double.parseDouble}, at a fraction of their cost (a risk event
     * carries about twenty doubles, one event per closed bar of every symbol).
     */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();
    private static final ObjectMapper TREE = new ObjectMapper(FACTORY);

    /** Writes one value's members. */
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private TopicJson() {
    }

    /** One JSON object, members as {@code body} writes them. */
    static String write(Body body) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /**
     * The value as a tree, for readers off the hot path (alerts, bars, announcements, dead letters).
     *
     * @throws IllegalArgumentException with the reason
     */
    static Members readObject(String topic, String json) {
        if (json == null) throw missing(topic);
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw notAnObject(topic);
            JsonNode n = TREE.readTree(p);
            if (p.nextToken() != null) throw trailing(topic);
            return new Members(n, "");
        } catch (JsonProcessingException e) {
            throw notJson(topic, e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw notJson(topic, e.getMessage(), e);
        }
    }

    static IllegalArgumentException missing(String topic) {
        return new IllegalArgumentException(topic + " value is missing");
    }

    static IllegalArgumentException notAnObject(String topic) {
        return new IllegalArgumentException(topic + " value is not a JSON object");
    }

    static IllegalArgumentException trailing(String topic) {
        return new IllegalArgumentException(topic + " value has content after the JSON object");
    }

    static IllegalArgumentException notJson(String topic, String why, Exception cause) {
        return new IllegalArgumentException(topic + " value is not JSON: " + why, cause);
    }

    /** A reader's failure as its refusal: Jackson's message without the location (the raw value goes with it). */
    static IllegalArgumentException notJson(String topic, IOException e) {
        return notJson(topic, e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage(), e);
    }
}
