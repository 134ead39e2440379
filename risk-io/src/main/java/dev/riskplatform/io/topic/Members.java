package dev.riskplatform.io.topic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The members of one JSON object as a topic's reader needs them: a required member that is absent is refused with
 * {@code <member> is missing}, one of the wrong type with {@code <member> must be …}; nested members are named by
 * their path ({@code market.symbols}, {@code explanation[0].value}).
 */
final class Members {

    private final JsonNode node;
    private final String path;

    Members(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    boolean has(String field) {
        return node.has(field);
    }

    boolean isNull(String field) {
        return node.path(field).isNull();
    }

    String text(String field) {
        JsonNode v = required(field);
        if (!v.isTextual()) throw wrong(field, "a string");
        return v.textValue();
    }

    /** A member that must be present and may be null. */
    String textOrNull(String field) {
        return required(field).isNull() ? null : text(field);
    }

    long integer(String field) {
        JsonNode v = required(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) throw wrong(field, "an integer");
        return v.longValue();
    }

    /** A member that must be present and may be null. */
    Long integerOrNull(String field) {
        return required(field).isNull() ? null : integer(field);
    }

    double number(String field) {
        JsonNode v = required(field);
        if (!v.isNumber()) throw wrong(field, "a number");
        return v.doubleValue();
    }

    /** A member that must be present and may be null. */
    Double numberOrNull(String field) {
        return required(field).isNull() ? null : number(field);
    }

    boolean bool(String field) {
        JsonNode v = required(field);
        if (!v.isBoolean()) throw wrong(field, "true or false");
        return v.booleanValue();
    }

    Members object(String field) {
        JsonNode v = required(field);
        if (!v.isObject()) throw wrong(field, "an object");
        return new Members(v, name(field) + ".");
    }

    List<Members> objects(String field) {
        JsonNode v = required(field);
        if (!v.isArray()) throw wrong(field, "an array");
        List<Members> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isObject()) throw wrong(field + "[" + i + "]", "an object");
            out.add(new Members(v.get(i), name(field) + "[" + i + "]."));
        }
        return out;
    }

    /** The object's member names in order (of a map such as risk_events' features). */
    List<String> names() {
        List<String> out = new ArrayList<>(node.size());
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private JsonNode required(String field) {
        JsonNode v = node.get(field);
        if (v == null) throw new IllegalArgumentException(name(field) + " is missing");
        return v;
    }

    private IllegalArgumentException wrong(String field, String type) {
        return new IllegalArgumentException(name(field) + " must be " + type);
    }

    private String name(String field) {
        return path + field;
    }
}
