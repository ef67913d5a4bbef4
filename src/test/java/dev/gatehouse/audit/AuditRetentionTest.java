package dev.gatehouse.audit;

import dev.gatehouse.kernel.MovableClock;
import dev.gatehouse.kernel.config.InvalidConfigException;
import dev.gatehouse.kernel.config.ShippedConfig;
import dev.gatehouse.platform.db.MigratedEmbeddedDatabase;
import dev.gatehouse.platform.lease.JobLeases;
import dev.gatehouse.platform.lease.jdbc.JdbcJobLeases;
import jakarta.ejb.TimerService;
import jakarta.transaction.UserTransaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The retention job on two nodes that share one audit log (in memory) and one lease table (the embedded database):
 * what each archives to its own disk and deletes while the other's run comes in between.
 */
class AuditRetentionTest {

    /** Rows without a tenant: the global retention (1d here) applies, so no tenant settings are read. */
    private static final String TENANT = AuditEntries.NO_TENANT;
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final MemoryLog log = new MemoryLog();
    private final JobLeases leases = new JdbcJobLeases(MigratedEmbeddedDatabase.fresh());
    @TempDir
    Path disks;

    @Test
    void runOnceWhenLeaseFreeThenOneNodeArchivesEveryBatchAndReleasesTheLease() throws Exception {
        log.append(5);
        AuditRetention a = node("a", leases);
        AuditRetention b = node("b", leases);

        assertEquals(5, a.runOnce());
        log.append(2);
        assertEquals(2, b.runOnce(), "released: the next run on any node goes ahead");

        assertEquals(List.of("audit-_none-1-2.jsonl.gz", "audit-_none-3-4.jsonl.gz", "audit-_none-5-5.jsonl.gz"), archived("a"));
        assertEquals(List.of("audit-_none-6-7.jsonl.gz"), archived("b"));
        assertEquals(7, log.startSeq);
    }

    @Test
    void runOnceWhenAnotherNodeIsMidBatchThenArchivesAndDeletesNothing() throws Exception {
        log.append(5);
        AuditRetention a = node("a", leases);
        AuditRetention b = node("b", leases);
        AtomicInteger prunedByB = new AtomicInteger(-1);
        log.beforePrune = () -> prunedByB.set(run(b));

        assertEquals(5, a.runOnce());

        assertEquals(0, prunedByB.get());
        assertEquals(List.of(), archived("b"));
        assertEquals(3, archived("a").size());
        assertEquals(5, log.startSeq);
    }

    @Test
    void runOnceWhenLeaseRanOutMidBatchAndAnotherNodeTookItThenThatNodeRedoesTheBatchAndTheFirstKeepsAndDeletesNothing() throws Exception {
        log.append(5);
        AuditRetention b = node("b", leases);
        AtomicInteger prunedByB = new AtomicInteger(-1);
        AuditRetention a = node("a", beforeFirstRenewal(leases, () -> {
            clock.advance(LEASE);
            prunedByB.set(run(b));
        }));

        assertEquals(0, a.runOnce());

        assertEquals(5, prunedByB.get());
        assertEquals(List.of(), archived("a"), "the batch it wrote before the lease ran out is not kept, not even in part");
        assertEquals(List.of("audit-_none-1-2.jsonl.gz", "audit-_none-3-4.jsonl.gz", "audit-_none-5-5.jsonl.gz"), archived("b"));
        assertEquals(5, log.startSeq);
        assertTrue(log.rows.isEmpty());
    }

    @Test
    void configWhenLeaseUnderASecondThenRefusedNamingTheKey() {
        InvalidConfigException refused = assertThrows(InvalidConfigException.class, () -> new AuditConfig(
                ShippedConfig.with("gatehouse.audit.retention-lease", "0s")));
        assertTrue(refused.getMessage().contains("gatehouse.audit.retention-lease"), refused.getMessage());
    }

    /** A node's retention job, archiving into its own directory, in batches of two. */
    private AuditRetention node(String name, JobLeases nodeLeases) {
        AuditRetention job = new AuditRetention();
        job.timers = nothing(TimerService.class);
        job.tx = nothing(UserTransaction.class);
        job.store = log;
        job.config = new AuditConfig(ShippedConfig.with("gatehouse.audit.archive-dir", disks.resolve(name).toString(),
                "gatehouse.audit.retention", "1d", "gatehouse.audit.batch-size", "2",
                "gatehouse.audit.retention-lease", LEASE.toMinutes() + "m"));
        job.clock = clock;
        job.leases = nodeLeases;
        job.start();
        return job;
    }

    private static int run(AuditRetention job) {
        try {
            return job.runOnce();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The leases, with something happening just before the node's first renewal (another node's run, say). */
    private static JobLeases beforeFirstRenewal(JobLeases leases, Runnable meanwhile) {
        return new JobLeases() {
            private boolean happened;

            @Override
            public boolean claim(String job, String holder, Instant now, Instant until) {
                return leases.claim(job, holder, now, until);
            }

            @Override
            public boolean renew(String job, String holder, Instant until) {
                if (!happened) {
                    happened = true;
                    meanwhile.run();
                }
                return leases.renew(job, holder, until);
            }

            @Override
            public void release(String job, String holder, Instant now) {
                leases.release(job, holder, now);
            }
        };
    }

    /** A container service whose every method does nothing (the timer is not needed, transactions are the lease's). */
    private static <T> T nothing(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> null));
    }

    private List<String> archived(String node) throws IOException {
        Path dir = disks.resolve(node).resolve("_none");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** One chain of rows without a tenant, in memory, as the retention job reads and prunes it. */
    private static final class MemoryLog implements AuditLog {

        final List<AuditRow> rows = new ArrayList<>();
        long startSeq;
        String startHash = HashChain.GENESIS;
        private long headSeq;
        private String headHash = HashChain.GENESIS;
        /** Runs once, at the next prune, before the rows go. */
        Runnable beforePrune = () -> { };

        /** Appends {@code n} rows that occurred long before the clock's now. */
        void append(int n) {
            for (int i = 0; i < n; i++) {
                AuditRow row = HashChain.append(headHash, headSeq, Instant.parse("2026-01-02T00:00:00Z"),
                        HashChainTest.entry(TENANT, "{\"n\":\"" + (headSeq + 1) + "\"}"));
                rows.add(row);
                headSeq = row.seq();
                headHash = row.hash();
            }
        }

        @Override
        public Map<String, Instant> firstOccurred() {
            return rows.isEmpty() ? Map.of() : Map.of(TENANT, rows.get(0).entry().occurredAt());
        }

        @Override
        public Ends ends(String tenant) {
            return new Ends(headSeq, headHash, startSeq, startHash);
        }

        @Override
        public List<AuditRow> oldest(String tenant, Instant cutoff, int limit) {
            return rows.stream().takeWhile(r -> r.entry().occurredAt().isBefore(cutoff)).limit(limit).toList();
        }

        @Override
        public int prune(String tenant, long throughSeq, String throughHash, Instant now) {
            Runnable meanwhile = beforePrune;
            beforePrune = () -> { };
            meanwhile.run();
            int before = rows.size();
            rows.removeIf(r -> r.seq() <= throughSeq);
            startSeq = throughSeq;
            startHash = throughHash;
            return before - rows.size();
        }

        @Override
        public boolean enqueue(AuditEntry entry) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int moveBatch(int limit, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Backlog backlog(String tenant) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AuditRow> find(String tenant, AuditFilter filter) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AuditRow> chain(String tenant, long afterSeq, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<AuditRow> firstAbout(String tenant, String identity, List<String> eventTypes) {
            throw new UnsupportedOperationException();
        }
    }
}
