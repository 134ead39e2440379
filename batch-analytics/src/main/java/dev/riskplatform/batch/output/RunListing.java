package dev.riskplatform.batch.output;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A symbol's output keys of the days [from, to] as one run found them when it started ({@link DayOutputs#listRun}:
 * one paginated listing of its metrics/daily/ prefix and one of its processed/ prefix, instead of a HEAD and two
 * LISTs a day). Each day's pointer ETag is the one its conditional PUT expects; it is read before any of the run's
 * writes, so a switch by another run at any time since fails that day (HTTP 412), and a day without a pointer then
 * is created with {@code If-None-Match: *}. The day's other keys are the ones the run deletes after its switch;
 * keys another run writes after the listing are left to the next run of the day.
 */
public final class RunListing {

    private final Map<LocalDate, String> pointerEtags;
    private final Map<LocalDate, List<String>> keys;

    RunListing(Map<LocalDate, String> pointerEtags, Map<LocalDate, List<String>> keys) {
        this.pointerEtags = new TreeMap<>(pointerEtags);
        this.keys = new TreeMap<>(keys);
    }

    /** The ETag the day's pointer had at the listing, or empty when it had none. */
    public Optional<String> pointerEtag(LocalDate date) {
        return Optional.ofNullable(pointerEtags.get(date));
    }

    /** Every key under the day's processed and metrics date prefixes at the listing, the pointer included. */
    public List<String> keys(LocalDate date) {
        return keys.getOrDefault(date, List.of());
    }

    /** Collects a listing: {@link #add} each key found under a date prefix. */
    static final class Builder {
        private final Map<LocalDate, String> etags = new TreeMap<>();
        private final Map<LocalDate, List<String>> keys = new TreeMap<>();

        void add(LocalDate date, String key, boolean pointer, String etag) {
            keys.computeIfAbsent(date, d -> new ArrayList<>()).add(key);
            if (pointer) etags.put(date, etag);
        }

        RunListing build() {
            return new RunListing(etags, keys);
        }
    }
}
