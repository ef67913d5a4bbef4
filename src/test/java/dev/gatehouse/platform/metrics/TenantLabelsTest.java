package dev.gatehouse.platform.metrics;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TenantLabelsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static final class MovableClock extends Clock {
        Instant now = T0;

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Test
    void labelWhenFewerTenantsThanTheLimitThenEachKeepsItsName() {
        TenantLabels labels = new TenantLabels(3, Duration.ofMinutes(1), new MovableClock());
        assertEquals("acme", labels.label("acme"));
        assertEquals("globex", labels.label("globex"));
        assertEquals("acme", labels.label("acme"));
    }

    @Test
    void labelWhenThousandsOfTenantsThenAtMostLimitPlusOtherValues() {
        MovableClock clock = new MovableClock();
        TenantLabels labels = new TenantLabels(20, Duration.ofSeconds(10), clock);
        Set<String> values = new HashSet<>();
        for (int round = 0; round < 5; round++) {
            IntStream.range(0, 5000).forEach(i -> values.add(labels.label("tenant-" + (i * 7919 % 5000))));
            clock.now = clock.now.plusSeconds(11);
        }
        assertTrue(values.size() <= 21 * 5, "at most the limit plus other per ranking, got " + values.size());
        Set<String> lastRound = new HashSet<>();
        IntStream.range(0, 5000).forEach(i -> lastRound.add(labels.label("tenant-" + i)));
        assertEquals(21, lastRound.size());
        assertTrue(lastRound.contains(TenantLabels.OTHER));
    }

    @Test
    void labelWhenATenantBecomesBusierThenItTakesAPlaceAtTheNextRanking() {
        MovableClock clock = new MovableClock();
        TenantLabels labels = new TenantLabels(2, Duration.ofMinutes(1), clock);
        labels.label("early-a");
        labels.label("early-b");
        for (int i = 0; i < 50; i++) {
            assertEquals(TenantLabels.OTHER, labels.label("busy"));
        }
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertEquals("busy", labels.label("busy"));
        assertEquals(1, Set.of(labels.label("early-a"), labels.label("early-b")).stream()
                .filter(TenantLabels.OTHER::equals).count(), "one of the quiet tenants gave up its place");
    }

    @Test
    void labelWhenNoTenantThenNone() {
        TenantLabels labels = new TenantLabels(20, Duration.ofMinutes(1), new MovableClock());
        assertEquals(TenantLabels.NONE, labels.label(null));
        assertEquals(TenantLabels.NONE, labels.label(" "));
    }

    @Test
    void labelWhenLimitIsZeroThenEveryTenantIsOther() {
        TenantLabels labels = new TenantLabels(0, Duration.ofMinutes(1), new MovableClock());
        assertEquals(TenantLabels.OTHER, labels.label("acme"));
    }
}
