package dev.riskplatform.batch.run;

import java.util.ArrayList;
import java.util.List;

/**
 * One of {@code count} shards of a market run: a Kubernetes Indexed Job's pod {@code index} (its
 * {@code JOB_COMPLETION_INDEX}) of {@code count} completions. Shard i takes the symbols at positions i, i + count,
 * i + 2·count … of the sorted symbol list: every symbol in exactly one shard, shard sizes within one of each other.
 */
public record Shard(int index, int count) {

    public static final Shard WHOLE = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": needs 0 ≤ index < count");
        }
    }

    /** {@code i/n} as the CLI's {@code --shard=i/n} gives it. */
    public static Shard parse(String text) {
        int slash = text.indexOf('/');
        try {
            if (slash > 0) return new Shard(Integer.parseInt(text.substring(0, slash).trim()), Integer.parseInt(text.substring(slash + 1).trim()));
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("shard '" + text + "': expected index/count, e.g. 0/4");
    }

    /** This shard's symbols of the sorted list, in its order. */
    public List<String> of(List<String> sortedSymbols) {
        List<String> mine = new ArrayList<>();
        for (int i = index; i < sortedSymbols.size(); i += count) mine.add(sortedSymbols.get(i));
        return mine;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
