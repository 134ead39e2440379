package dev.riskplatform.service.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobArgumentsTest {

    private static final Clock NOV_25 = Clock.fixed(Instant.parse("2026-11-25T00:10:00Z"), ZoneOffset.UTC);

    @Test
    void parsesDaysFlagsAndNumbers() {
        JobArguments a = JobArguments.parse(new String[] {"--from=yesterday", "--to=2026-11-24", "--train", "--days=30"},
                Set.of("from", "to", "train", "days"));
        assertEquals(Optional.of(LocalDate.parse("2026-11-24")), a.day("from", NOV_25));
        assertEquals(Optional.of(LocalDate.parse("2026-11-24")), a.day("to", NOV_25));
        assertTrue(a.has("train"));
        assertEquals(Optional.of(30), a.positiveInt("days"));
    }

    @Test
    void refusesWhatItDoesNotKnowWithTheReason() {
        var unknown = assertThrows(IllegalArgumentException.class, () -> JobArguments.parse(new String[] {"--form=x"}, Set.of("from")));
        assertTrue(unknown.getMessage().contains("--form"));
        JobArguments badDay = JobArguments.parse(new String[] {"--from=2024-02-30"}, Set.of("from"));
        assertThrows(IllegalArgumentException.class, () -> badDay.day("from", NOV_25));
        JobArguments badDays = JobArguments.parse(new String[] {"--days=-1"}, Set.of("days"));
        assertThrows(IllegalArgumentException.class, () -> badDays.positiveInt("days"));
        assertThrows(IllegalArgumentException.class, () -> JobArguments.parse(new String[] {"from=x"}, Set.of("from")));
    }
}
