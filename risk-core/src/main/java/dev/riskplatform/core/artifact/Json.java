package dev.riskplatform.core.artifact;

import com.fasterxml.jackson.databind.JsonNode;

/** Typed reads of a JSON tree that fail with the member's path instead of a default value. */
final class Json {

    private Json() {
    }

    static JsonNode member(JsonNode obj, String path, String name) throws ModelArtifactException {
        JsonNode n = obj.get(name);
        if (n == null || n.isNull()) throw new ModelArtifactException("missing member " + path + "." + name);
        return n;
    }

    static JsonNode object(JsonNode obj, String path, String name) throws ModelArtifactException {
        JsonNode n = member(obj, path, name);
        if (!n.isObject()) throw new ModelArtifactException(path + "." + name + " must be an object");
        return n;
    }

    static JsonNode array(JsonNode obj, String path, String name) throws ModelArtifactException {
        JsonNode n = member(obj, path, name);
        if (!n.isArray()) throw new ModelArtifactException(path + "." + name + " must be an array");
        return n;
    }

    static String text(JsonNode obj, String path, String name) throws ModelArtifactException {
        JsonNode n = member(obj, path, name);
        if (!n.isTextual()) throw new ModelArtifactException(path + "." + name + " must be a string");
        return n.asText();
    }

    static long integer(JsonNode obj, String path, String name) throws ModelArtifactException {
        return integer(member(obj, path, name), path + "." + name);
    }

    static long integer(JsonNode n, String where) throws ModelArtifactException {
        if (!n.isIntegralNumber() || !n.canConvertToLong()) throw new ModelArtifactException(where + " must be an integer");
        return n.asLong();
    }

    static int int32(JsonNode n, String where) throws ModelArtifactException {
        if (!n.isIntegralNumber() || !n.canConvertToInt()) throw new ModelArtifactException(where + " must be a 32-bit integer");
        return n.asInt();
    }

    static double number(JsonNode obj, String path, String name) throws ModelArtifactException {
        return number(member(obj, path, name), path + "." + name);
    }

    static double number(JsonNode n, String where) throws ModelArtifactException {
        if (!n.isNumber() || !Double.isFinite(n.asDouble())) throw new ModelArtifactException(where + " must be a finite number");
        return n.asDouble();
    }
}
