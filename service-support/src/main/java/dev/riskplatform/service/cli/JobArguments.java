package dev.riskplatform.service.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The container arguments of a one-shot run (Kubernetes Job/CronJob, Jenkins), e.g.
 * {@code --from=2024-02-01 --to=2024-02-29} or {@code --train --days=30}. Quarkus hands them to
 * a bean as {@code @CommandLineArguments String[]}; this only parses and validates them.
 */
public final class JobArguments {

    private final Map<String, String> values;

    private JobArguments(Map<String, String> values) {
        this.values = values;
    }

    /** Parses {@code --name=value} and {@code --flag}; anything else, or a name not in {@code known}, is refused. */
    public static JobArguments parse(String[] args, Set<String> known) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String a : args == null ? new String[0] : args) {
            if (!a.startsWith("--") || a.length() < 3) throw new IllegalArgumentException("unexpected argument '" + a + "'");
            int eq = a.indexOf('=');
            String name = eq < 0 ? a.substring(2) : a.substring(2, eq);
            if (!known.contains(name)) throw new IllegalArgumentException("unknown argument --" + name + " (known: " + known + ")");
            values.put(name, eq < 0 ? "" : a.substring(eq + 1));
        }
        return new JobArguments(values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isEmpty());
    }

    /** A UTC day: {@code YYYY-MM-DD}, {@code today} or {@code yesterday}. */
    public Optional<LocalDate> day(String name, Clock clock) {
        return value(name).map(v -> switch (v) {
            case "today" -> LocalDate.now(clock);
            case "yesterday" -> LocalDate.now(clock).minusDays(1);
            default -> parseDay(name, v);
        });
    }

    public Optional<Integer> positiveInt(String name) {
        return value(name).map(v -> {
            try {
                int n = Integer.parseInt(v);
                if (n > 0) return n;
            } catch (NumberFormatException e) {
                // reported below with the argument's name
            }
            throw new IllegalArgumentException("--" + name + " must be a positive whole number, got '" + v + "'");
        });
    }

    private static LocalDate parseDay(String name, String v) {
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--" + name + " must be YYYY-MM-DD, today or yesterday, got '" + v + "'", e);
        }
    }
}
