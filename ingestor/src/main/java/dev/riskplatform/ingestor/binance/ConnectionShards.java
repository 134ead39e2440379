package dev.riskplatform.ingestor.binance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which connection carries which symbol's stream, at most {@code capacity} streams a connection (Binance: 1,024). A
 * symbol stays on its connection for as long as it is selected, so following the exchange moves nothing that is
 * already streaming; a new symbol goes to the first connection with room (room a delisting freed included), and a
 * connection is added only when every one is full. Not thread-safe: its session calls it under its own lock.
 */
final class ConnectionShards {

    /** What one connection must start and stop carrying. */
    record Change(int shard, List<String> added, List<String> removed) {}

    private final int capacity;
    private final List<Set<String>> shards = new ArrayList<>();
    private final Map<String, Integer> owner = new HashMap<>();

    ConnectionShards(int capacity) {
        if (capacity < 1 || capacity > StreamNames.MAX_STREAMS_PER_CONNECTION) {
            throw new IllegalArgumentException("streams per connection must be 1.." + StreamNames.MAX_STREAMS_PER_CONNECTION + ", got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Moves the assignment to exactly {@code wanted}; the changes, one per connection that has any. */
    List<Change> follow(Collection<String> wanted) {
        Set<String> target = new LinkedHashSet<>(wanted);
        List<List<String>> added = new ArrayList<>(), removed = new ArrayList<>();
        for (Set<String> shard : shards) {
            List<String> gone = shard.stream().filter(s -> !target.contains(s)).toList();
            gone.forEach(s -> {
                shard.remove(s);
                owner.remove(s);
            });
            removed.add(new ArrayList<>(gone));
            added.add(new ArrayList<>());
        }
        for (String symbol : target) {
            if (owner.containsKey(symbol)) continue;
            int shard = firstWithRoom();
            if (shard == shards.size()) {
                shards.add(new LinkedHashSet<>());
                added.add(new ArrayList<>());
                removed.add(new ArrayList<>());
            }
            shards.get(shard).add(symbol);
            owner.put(symbol, shard);
            added.get(shard).add(symbol);
        }
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < shards.size(); i++) {
            if (!added.get(i).isEmpty() || !removed.get(i).isEmpty()) changes.add(new Change(i, added.get(i), removed.get(i)));
        }
        return changes;
    }

    int connections() {
        return shards.size();
    }

    /** The connection carrying {@code symbol}, or -1. */
    int shardOf(String symbol) {
        return owner.getOrDefault(symbol, -1);
    }

    Set<String> symbolsOf(int shard) {
        return Set.copyOf(shards.get(shard));
    }

    private int firstWithRoom() {
        for (int i = 0; i < shards.size(); i++) if (shards.get(i).size() < capacity) return i;
        return shards.size();
    }
}
