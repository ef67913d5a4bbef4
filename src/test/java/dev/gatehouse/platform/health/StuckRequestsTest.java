package dev.gatehouse.platform.health;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StuckRequestsTest {

    private static final Duration AFTER = Duration.ofMinutes(5);

    private static Duration minutes(long m) {
        return Duration.ofMinutes(m);
    }

    @Test
    void judgeWhenNothingInFlightThenLive() {
        StuckRequests s = StuckRequests.judge(0, List.of(), AFTER, 3);

        assertTrue(s.live());
        assertEquals(0, s.stuck());
        assertEquals(Duration.ZERO, s.longestBusy());
    }

    @Test
    void judgeWhenOneRequestIsVerySlowThenStillLive() {
        StuckRequests s = StuckRequests.judge(5, List.of(minutes(60), minutes(0), minutes(1)), AFTER, 3);

        assertTrue(s.live(), "one slow request is not a wedge");
        assertEquals(1, s.stuck());
        assertEquals(minutes(60), s.longestBusy());
    }

    @Test
    void judgeWhenManyRequestsAreBusyButBelowTheThresholdThenLive() {
        StuckRequests s = StuckRequests.judge(200, java.util.Collections.nCopies(200, minutes(4)), AFTER, 3);

        assertTrue(s.live(), "a busy node is not a wedged one");
        assertEquals(0, s.stuck());
    }

    @Test
    void judgeWhenTheLimitOfRequestsIsStuckThenDown() {
        StuckRequests s = StuckRequests.judge(4, List.of(minutes(6), minutes(13), minutes(7), minutes(0)), AFTER, 3);

        assertFalse(s.live(), "requests pile up and none gets anywhere: the request path is wedged");
        assertEquals(3, s.stuck());
        assertEquals(minutes(13), s.longestBusy());
    }

    @Test
    void judgeWhenExactlyAtTheThresholdThenNotYetStuck() {
        assertTrue(StuckRequests.judge(3, List.of(AFTER, AFTER, AFTER), AFTER, 3).live());
    }
}
