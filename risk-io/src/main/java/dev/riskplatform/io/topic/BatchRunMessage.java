package dev.riskplatform.io.topic;

import java.util.Set;

/**
 * The {@code batch_runs} value of docs/topics.md: a day's outputs are complete, or why not. The one codec of the
 * topic: written by batch-analytics ({@code BatchRunner}); the dashboard reads it.
 *
 * @param date         {@code yyyy-MM-dd}
 * @param status       {@code complete}, {@code missing-input} or {@code error}
 * @param gaps         the day's quality counts (0 when an older event lacks them), as are {@code duplicates}, {@code invalid}
 * @param processedKey the partitions the day's pointer named, as is {@code metricsKey}; null when not complete
 * @param modelVersion null when no model scored the day
 * @param message      why the day is not complete, else null
 * @param finishedAt   epoch milliseconds
 */
public record BatchRunMessage(String symbol, String date, String status, long bars, long expectedBars, long gaps,
                              long duplicates, long invalid, String processedKey, String metricsKey, Long modelVersion,
                              String message, long finishedAt) {

    public static final Set<String> STATUSES = Set.of("complete", "missing-input", "error");
    static final String TOPIC = "batch_runs";

    public BatchRunMessage {
        if (!STATUSES.contains(status)) throw new IllegalArgumentException("status must be one of " + STATUSES + ", got '" + status + "'");
    }

    /** Members in the documented order, the quality counts and the message after the day's figures. */
    public String toJson() {
        return TopicJson.write(g -> {
            g.writeStringField("symbol", symbol);
            g.writeStringField("date", date);
            g.writeStringField("status", status);
            g.writeNumberField("bars", bars);
            g.writeNumberField("expectedBars", expectedBars);
            g.writeNumberField("gaps", gaps);
            g.writeNumberField("duplicates", duplicates);
            g.writeNumberField("invalid", invalid);
            g.writeStringField("processedKey", processedKey);
            g.writeStringField("metricsKey", metricsKey);
            if (modelVersion == null) g.writeNullField("modelVersion");
            else g.writeNumberField("modelVersion", modelVersion.longValue());
            g.writeStringField("message", message);
            g.writeNumberField("finishedAt", finishedAt);
        });
    }

    /**
     * Every member the contract requires, of its documented type; unknown members are ignored.
     *
     * @throws IllegalArgumentException with the reason
     */
    public static BatchRunMessage parse(String json) {
        Members m = TopicJson.readObject(TOPIC, json);
        return new BatchRunMessage(m.text("symbol"), m.text("date"), m.text("status"), m.integer("bars"),
                m.integer("expectedBars"), count(m, "gaps"), count(m, "duplicates"), count(m, "invalid"),
                m.textOrNull("processedKey"), m.textOrNull("metricsKey"), m.integerOrNull("modelVersion"),
                m.has("message") ? m.textOrNull("message") : null, m.integer("finishedAt"));
    }

    private static long count(Members m, String field) {
        return m.has(field) ? m.integer(field) : 0;
    }
}
