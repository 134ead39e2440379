package dev.riskplatform.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.batch.output.DayOutputs;
import dev.riskplatform.batch.output.RunListing;
import dev.riskplatform.io.AnalyticsKeys;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A run reads its days' pointer ETags and keys once, when it starts ({@link RunListing}): a day another writer switched
 * after that listing still fails with HTTP 412 (an existing pointer by {@code If-Match}, a new one by
 * {@code If-None-Match: *}); the switch deletes the runs the listing found; runs written after it are left to the
 * next run of the day.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class RunListingTest extends BatchTestBase {

    private static final String SYMBOL = "LISTUSDT";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private DayOutputs.Current publish(LocalDate day, String result) {
        return outputs.publish(SYMBOL, BatchFixtures.M1, day, bytes("rows " + result), bytes("metrics " + result));
    }

    @Test
    void aPointerSwitchedAfterTheListingFailsTheDay() {
        LocalDate existing = LocalDate.of(2024, 3, 1), created = LocalDate.of(2024, 3, 2);
        publish(existing, "a");
        RunListing listing = outputs.listRun(SYMBOL, BatchFixtures.M1, existing, created);
        assertEquals(store.etag(DayOutputs.pointerKey(SYMBOL, existing)), listing.pointerEtag(existing), "the listing's ETag is the HEAD's");
        assertTrue(listing.pointerEtag(created).isEmpty());

        String winner = publish(existing, "b").run(); // another writer switches both days after the listing
        String creator = publish(created, "b").run();
        for (LocalDate day : List.of(existing, created)) {
            var e = assertThrows(IllegalStateException.class,
                    () -> outputs.publish(listing, SYMBOL, BatchFixtures.M1, day, bytes("rows c"), bytes("metrics c")));
            assertTrue(e.getMessage().contains("another run switched " + SYMBOL + " " + day), e.getMessage());
        }
        assertEquals(winner, current(SYMBOL, existing).run(), "the other writer's switch stands");
        assertEquals(creator, current(SYMBOL, created).run());
    }

    @Test
    void theSwitchDeletesTheListedRunsAndTheNextRunThoseWrittenSince() {
        LocalDate day = LocalDate.of(2024, 3, 5);
        String metrics = AnalyticsKeys.metricsPrefix(SYMBOL, day), processed = AnalyticsKeys.processedPrefix(SYMBOL, BatchFixtures.M1, day);
        String old = publish(day, "a").run();
        RunListing listing = outputs.listRun(SYMBOL, BatchFixtures.M1, day, day);
        var late = outputs.writeRun(SYMBOL, BatchFixtures.M1, day, bytes("rows late"), bytes("metrics late")); // after the listing

        var next = outputs.publish(listing, SYMBOL, BatchFixtures.M1, day, bytes("rows b"), bytes("metrics b"));
        assertTrue(keys(metrics).stream().noneMatch(k -> k.contains("run=" + old)), "the listed run is deleted: " + keys(metrics));
        assertEquals(Set.of(late.metrics() + "_manifest.json", next.metrics() + "_manifest.json"),
                Set.copyOf(keys(metrics).stream().filter(k -> k.endsWith("_manifest.json")).toList()), "the run written since stays");
        assertEquals(5, keys(metrics).size(), "pointer; each run prefix holds its part file and manifest only");
        assertEquals(4, keys(processed).size());

        var last = publish(day, "c");
        assertEquals(List.of(DayOutputs.pointerKey(SYMBOL, day), last.metrics() + "_manifest.json"),
                keys(metrics).stream().filter(k -> !k.endsWith(".parquet")).sorted().toList(), "the next run of the day removes it");
        assertEquals(3, keys(metrics).size());
        assertEquals(2, keys(processed).size());
    }

    private List<String> keys(String prefix) {
        return store.list(prefix).stream().map(o -> o.key()).sorted().toList();
    }
}
