package dev.riskplatform.io.topic;

/**
 * The value of the dead-letter topics {@code market_prices_dlq} and {@code detector_dlq} (docs/topics.md "Dead
 * letters"): a refused record, its reason and its text unchanged. The one codec of both: written by the ingestor
 * ({@code DeadLetterPublisher}) and the detector ({@code Outputs}); operators read them.
 *
 * @param source {@code binance-ws}, {@code binance-rest} (the ingestor) or {@code market_prices} (the detector)
 * @param at     when the record was refused, epoch milliseconds
 */
public record DeadLetterMessage(String reason, String raw, String source, long at) {

    static final String TOPIC = "dead letter";

    public String toJson() {
        return TopicJson.write(g -> {
            g.writeStringField("reason", reason);
            g.writeStringField("raw", raw);
            g.writeStringField("source", source);
            g.writeNumberField("at", at);
        });
    }

    /**
     * Every member the contract requires, of its documented type; unknown members are ignored.
     *
     * @throws IllegalArgumentException with the reason
     */
    public static DeadLetterMessage parse(String json) {
        Members m = TopicJson.readObject(TOPIC, json);
        return new DeadLetterMessage(m.text("reason"), m.text("raw"), m.text("source"), m.integer("at"));
    }
}
