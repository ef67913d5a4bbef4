package dev.gatehouse.platform.throttle;

import dev.gatehouse.kernel.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailureCountsTest {

    private static final TenantId T = TenantId.DEFAULT;
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final FailureCounts.Limits LIMITS =
            new FailureCounts.Limits(3, Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofMinutes(3));

    private final InMemoryFailureCounts rows = new InMemoryFailureCounts();
    private final FailureCounts counts = new FailureCounts(rows);

    @Test
    void countWhenBelowLimitThenNoLockAndFailuresCounted() {
        assertTrue(counts.count(T, "IDENTIFIER", "Alice@Example.com ", LIMITS, NOW).isEmpty());
        assertTrue(counts.count(T, "IDENTIFIER", "alice@example.com", LIMITS, NOW).isEmpty());

        assertEquals(2, counts.standing(T, "IDENTIFIER", "ALICE@example.com").orElseThrow().failures());
    }

    @Test
    void countWhenLimitReachedThenLockedAndEachLockTwiceAsLongUpToTheMaximum() {
        assertEquals(Optional.of(NOW.plusSeconds(60)), failTimes(3, NOW));
        Instant later = NOW.plusSeconds(120);
        assertEquals(Optional.of(later.plusSeconds(120)), failTimes(3, later));
        Instant latest = later.plusSeconds(600);
        assertEquals(Optional.of(latest.plusSeconds(180)), failTimes(3, latest));

        FailureCounts.Standing s = counts.standing(T, "IP", "10.0.0.1").orElseThrow();
        assertEquals(3, s.lockouts());
        assertTrue(s.lockedAt(latest));
        assertFalse(s.lockedAt(latest.plusSeconds(180)));
    }

    @Test
    void countWhenWindowPassedThenCountingStartsAgain() {
        counts.count(T, "IP", "10.0.0.1", LIMITS, NOW);
        counts.count(T, "IP", "10.0.0.1", LIMITS, NOW);

        assertTrue(counts.count(T, "IP", "10.0.0.1", LIMITS, NOW.plus(Duration.ofMinutes(11))).isEmpty());
        assertEquals(1, counts.standing(T, "IP", "10.0.0.1").orElseThrow().failures());
    }

    @Test
    void reserveWhenAttemptsBeforeAnyIsCheckedThenTheLimitStillHoldsAndLockedOnesAreNotCounted() {
        List<FailureCounts.Reservation> reservations = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            reservations.add(counts.reserve(T, "SECOND_FACTOR", "id-1", LIMITS, NOW));
        }

        assertEquals(List.of(false, false, false, true, true), reservations.stream().map(FailureCounts.Reservation::locked).toList());
        assertEquals(Optional.of(NOW.plusSeconds(60)), reservations.get(2).lockStarted());
        assertEquals(1, counts.standing(T, "SECOND_FACTOR", "id-1").orElseThrow().lockouts());
        assertFalse(counts.reserve(T, "SECOND_FACTOR", "id-1", LIMITS, NOW.plusSeconds(60)).locked());
    }

    @Test
    void clearAllWhenRowsOfSeveralKindsThenAllGoneAndAnswersWhetherAny() {
        counts.count(T, "IDENTIFIER", "x", LIMITS, NOW);
        counts.count(T, "IP", "x", LIMITS, NOW);

        assertTrue(counts.clearAll(T, " X"));
        assertFalse(counts.clearAll(T, "x"));
        assertTrue(counts.list(T, Optional.empty(), 10).isEmpty());
    }

    private Optional<Instant> failTimes(int n, Instant at) {
        Optional<Instant> last = Optional.empty();
        for (int i = 0; i < n; i++) {
            last = counts.count(T, "IP", "10.0.0.1", LIMITS, at);
        }
        return last;
    }
}
