package dev.riskplatform.ingestor.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConnectionShardsTest {

    private static List<String> symbols(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "S" + i + "USDT").toList();
    }

    @Test
    void twentyOneHundredSymbolsTakeThreeConnectionsOfAtMost1024() {
        ConnectionShards shards = new ConnectionShards(1024);
        List<ConnectionShards.Change> changes = shards.follow(symbols(0, 2100));
        assertEquals(3, shards.connections());
        assertEquals(List.of(1024, 1024, 52), changes.stream().map(c -> c.added().size()).toList());
        assertTrue(changes.stream().allMatch(c -> c.removed().isEmpty()));
        assertEquals(0, shards.shardOf("S0USDT"));
        assertEquals(2, shards.shardOf("S2099USDT"));
    }

    @Test
    void followingMovesNothingThatStaysAndFillsFreedRoomFirst() {
        ConnectionShards shards = new ConnectionShards(1024);
        shards.follow(symbols(0, 2048)); // two full connections
        List<String> next = new ArrayList<>(symbols(0, 2048));
        next.remove("S5USDT"); // delisted, on connection 0
        next.add("NEWUSDT"); // listed
        List<ConnectionShards.Change> changes = shards.follow(next);
        assertEquals(List.of(new ConnectionShards.Change(0, List.of("NEWUSDT"), List.of("S5USDT"))), changes);
        assertEquals(2, shards.connections(), "the freed room takes the listing: no third connection");
        assertEquals(1, shards.shardOf("S1500USDT"), "a symbol that stays keeps its connection");
        assertEquals(-1, shards.shardOf("S5USDT"));
        next.add("NEWERUSDT");
        assertEquals(List.of(new ConnectionShards.Change(2, List.of("NEWERUSDT"), List.of())), shards.follow(next));
        assertEquals(List.of(), shards.follow(next), "nothing changed, nothing to do");
    }

    @Test
    void aSmallerCapSpreadsOverMoreConnectionsAndTheCapIsBinances() {
        ConnectionShards shards = new ConnectionShards(100);
        shards.follow(symbols(0, 250));
        assertEquals(3, shards.connections());
        assertEquals(50, shards.symbolsOf(2).size());
        assertThrows(IllegalArgumentException.class, () -> new ConnectionShards(1025));
    }
}
