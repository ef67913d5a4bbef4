package dev.gatehouse.gateway.rule;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedEvaluationsTest {

    @Test
    void runWhenEvaluationsIgnoreTheirTimeoutThenNoMoreThanTheBoundRunAndLaterOnesAreRefusedUntilOneEnds() {
        CountDownLatch release = new CountDownLatch(1);
        Duration quick = Duration.ofMillis(100);
        try {
            for (int i = 0; i < BoundedEvaluations.MAX_RUNNING; i++) {
                InvalidRuleException e = assertThrows(InvalidRuleException.class,
                        () -> BoundedEvaluations.run(() -> stuck(release), quick));
                assertTrue(e.reason().contains("evaluation took longer than 100ms"), e.reason());
            }

            InvalidRuleException refused = assertThrows(InvalidRuleException.class,
                    () -> BoundedEvaluations.run(() -> "never started", quick));

            assertEquals("document", refused.field());
            assertTrue(refused.reason().contains("earlier jsonnet evaluations are still running"), refused.reason());
        } finally {
            release.countDown();
        }
        assertEquals("runs again", BoundedEvaluations.run(() -> "runs again", Duration.ofSeconds(5)));
    }

    @Test
    void runWhenEvaluationFailsThenItsOwnErrorReachesTheCaller() {
        InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> BoundedEvaluations.run(() -> {
            throw new InvalidRuleException("document", "is not valid jsonnet: x");
        }, Duration.ofSeconds(5)));

        assertEquals("is not valid jsonnet: x", e.reason());
    }

    /** A built-in that never looks at its interrupt flag: it ends only when released. */
    private static String stuck(CountDownLatch release) {
        while (true) {
            try {
                if (release.await(10, TimeUnit.SECONDS)) {
                    return "released";
                }
            } catch (InterruptedException ignored) {
                // like a long-running built-in that does not check for interrupts
            }
        }
    }
}
