package dev.riskplatform.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Binance's live-subscription requests on a stream connection, answered as Binance answers them:
 * {@code SUBSCRIBE}/{@code UNSUBSCRIBE} ({@code {"result":null,"id":N}}), {@code LIST_SUBSCRIPTIONS}
 * ({@code {"result":["btcusdt@trade"],"id":N}}), {@code SET_PROPERTY}/{@code GET_PROPERTY} of {@code combined}, and
 * the documented error answers ({@code {"code":2,"msg":"Invalid request: ..","id":N}}, code 3 for invalid JSON). A
 * SUBSCRIBE that would take the connection over 1,024 streams subscribes nothing and is answered with code 2 (Binance
 * documents the limit, not its answer).
 */
final class SubscriptionRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SubscriptionRequests() {
    }

    /** The answer to {@code text} from {@code client}, after acting on it. */
    static String answer(ReplayClient client, String text) {
        JsonNode request;
        try {
            request = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return error(3, "Invalid JSON: " + e.getOriginalMessage(), null);
        }
        if (request == null || !request.isObject()) return error(3, "Invalid JSON: expected an object", null);
        JsonNode id = request.get("id");
        if (id != null && !(id.isIntegralNumber() || id.isTextual() || id.isNull())) {
            return error(2, "Invalid request: request ID must be an unsigned integer", null);
        }
        JsonNode method = request.get("method");
        if (method == null || !method.isTextual()) return error(2, "Invalid request: missing field `method`", id);
        JsonNode params = request.path("params");
        return switch (method.textValue()) {
            case "SUBSCRIBE" -> subscribe(client, params, id);
            case "UNSUBSCRIBE" -> unsubscribe(client, params, id);
            case "LIST_SUBSCRIPTIONS" -> result(JSON.valueToTree(client.streams.stream().sorted().toList()), id);
            case "SET_PROPERTY" -> setProperty(client, params, id);
            case "GET_PROPERTY" -> "combined".equals(params.path(0).asText(null))
                    ? result(JSON.getNodeFactory().booleanNode(client.combined), id) : error(0, "Unknown property", id);
            default -> error(2, "Invalid request: unknown variant " + method.textValue()
                    + ", expected one of `SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY`", id);
        };
    }

    private static String subscribe(ReplayClient client, JsonNode params, JsonNode id) {
        Set<String> streams = streams(params);
        if (streams == null) return error(2, "Invalid request: params must be an array of stream names", id);
        long added = streams.stream().filter(s -> !client.streams.contains(s)).count();
        if (client.streams.size() + added > ReplayClient.MAX_STREAMS) {
            return error(2, "Invalid request: a connection carries at most " + ReplayClient.MAX_STREAMS + " streams", id);
        }
        client.streams.addAll(streams);
        return result(null, id);
    }

    private static String unsubscribe(ReplayClient client, JsonNode params, JsonNode id) {
        Set<String> streams = streams(params);
        if (streams == null) return error(2, "Invalid request: params must be an array of stream names", id);
        client.streams.removeAll(streams);
        return result(null, id);
    }

    private static String setProperty(ReplayClient client, JsonNode params, JsonNode id) {
        if (!params.path(0).isTextual()) return error(2, "Invalid request: property name must be a string", id);
        if (!"combined".equals(params.get(0).textValue())) return error(0, "Unknown property", id);
        if (!params.path(1).isBoolean()) return error(1, "Invalid value type: expected Boolean", id);
        client.combined = params.get(1).booleanValue();
        return result(null, id);
    }

    /** Stream names are lower case ({@code btcusdt@trade}); null when {@code params} is no array of strings. */
    private static Set<String> streams(JsonNode params) {
        if (!params.isArray()) return null;
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode p : params) {
            if (!p.isTextual()) return null;
            out.add(p.textValue());
        }
        return out;
    }

    private static String result(JsonNode result, JsonNode id) {
        ObjectNode answer = JSON.createObjectNode();
        answer.set("result", result);
        answer.set("id", id);
        return answer.toString();
    }

    private static String error(int code, String msg, JsonNode id) {
        ObjectNode answer = JSON.createObjectNode().put("code", code).put("msg", msg);
        if (id != null) answer.set("id", id);
        return answer.toString();
    }
}
