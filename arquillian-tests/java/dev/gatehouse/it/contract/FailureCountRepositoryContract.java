package dev.gatehouse.it.contract;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.throttle.FailureCountRepository;
import dev.gatehouse.platform.throttle.FailureCounts;
import dev.gatehouse.platform.throttle.jpa.JpaFailureCountRepository;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link FailureCountRepository} (the sign-in and client throttles' rows) must do, on each database. */
abstract class FailureCountRepositoryContract extends RepositoryContract<FailureCountRepository> {

    @Override
    protected FailureCountRepository repository(EntityManager em) {
        return new JpaFailureCountRepository(em);
    }

    private void counted(TenantId tenant, String kind, String key, int failures) {
        run(r -> {
            FailureCountRepository.Counted row = r.lock(tenant, kind, key, NOW);
            r.update(tenant, kind, key, new FailureCountRepository.Counted(failures, row.firstFailure(), Optional.empty(), 0), NOW);
        });
    }

    @Test
    void lockWhenNoRowThenCreatesOneWithNoFailuresFromNow() {
        FailureCountRepository.Counted row = inTx(r -> r.lock(TenantId.DEFAULT, "IDENTIFIER", "a@example.test", NOW));

        assertEquals(new FailureCountRepository.Counted(0, NOW, Optional.empty(), 0), row);
        assertEquals(Optional.of(new FailureCounts.Standing(0, Optional.empty(), 0)),
                inTx(r -> r.find(TenantId.DEFAULT, "IDENTIFIER", "a@example.test")));
    }

    @Test
    void updateThenFindReturnsWhatWasWritten() {
        run(r -> {
            FailureCountRepository.Counted row = r.lock(TenantId.DEFAULT, "IP", "192.0.2.1", NOW);
            r.update(TenantId.DEFAULT, "IP", "192.0.2.1",
                    new FailureCountRepository.Counted(0, NOW, Optional.of(NOW.plusSeconds(60)), 1), NOW);
        });

        assertEquals(Optional.of(new FailureCounts.Standing(0, Optional.of(NOW.plusSeconds(60)), 1)),
                inTx(r -> r.find(TenantId.DEFAULT, "IP", "192.0.2.1")));
        assertTrue(inTx(r -> r.find(OTHER, "IP", "192.0.2.1")).isEmpty());
    }

    @Test
    void lockWhenHeldThenSecondWaitsAndSeesTheFirstsCount() throws Exception {
        counted(TenantId.DEFAULT, "IDENTIFIER", "a@example.test", 1);
        CountDownLatch locked = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> run(r -> {
            FailureCountRepository.Counted row = r.lock(TenantId.DEFAULT, "IDENTIFIER", "a@example.test", NOW);
            locked.countDown();
            sleep(400);
            r.update(TenantId.DEFAULT, "IDENTIFIER", "a@example.test",
                    new FailureCountRepository.Counted(row.failures() + 1, row.firstFailure(), Optional.empty(), 0), NOW);
        }));
        assertTrue(locked.await(10, TimeUnit.SECONDS));

        int seen = inTx(r -> r.lock(TenantId.DEFAULT, "IDENTIFIER", "a@example.test", NOW).failures());

        first.get(10, TimeUnit.SECONDS);
        assertEquals(2, seen, "the second counter waits for the first and counts on top of it");
    }

    @Test
    void deleteThenOnlyThatKindGoesAndDeleteAllTakesEveryKind() {
        counted(TenantId.DEFAULT, "IDENTIFIER", "x", 1);
        counted(TenantId.DEFAULT, "IP", "x", 1);
        counted(TenantId.DEFAULT, "CLIENT_ID", "x", 1);
        counted(OTHER, "IP", "x", 1);

        run(r -> r.delete(TenantId.DEFAULT, "IDENTIFIER", "x"));
        assertTrue(inTx(r -> r.find(TenantId.DEFAULT, "IDENTIFIER", "x")).isEmpty());
        assertTrue(inTx(r -> r.find(TenantId.DEFAULT, "IP", "x")).isPresent());

        assertEquals(2, count(r -> r.deleteAll(TenantId.DEFAULT, "x")));
        assertEquals(0, count(r -> r.deleteAll(TenantId.DEFAULT, "x")));
        assertTrue(inTx(r -> r.find(OTHER, "IP", "x")).isPresent());
    }

    @Test
    void listThenTheTenantsRowsMostRecentlyChangedFirstUpToTheLimit() {
        counted(TenantId.DEFAULT, "IDENTIFIER", "first", 1);
        run(r -> {
            r.lock(TenantId.DEFAULT, "IP", "second", NOW);
            r.update(TenantId.DEFAULT, "IP", "second",
                    new FailureCountRepository.Counted(2, NOW, Optional.empty(), 0), NOW.plusSeconds(5));
        });
        counted(OTHER, "IP", "theirs", 1);

        assertEquals(List.of("second", "first"),
                inTx(r -> r.list(TenantId.DEFAULT, Optional.empty(), 10)).stream().map(FailureCounts.Row::subject).toList());
        assertEquals(1, inTx(r -> r.list(TenantId.DEFAULT, Optional.empty(), 1)).size());
        assertEquals(List.of("IDENTIFIER"),
                inTx(r -> r.list(TenantId.DEFAULT, Optional.of("first"), 10)).stream().map(FailureCounts.Row::kind).toList());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
