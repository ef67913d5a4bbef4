package dev.gatehouse.audit;


import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.db.DatabaseMigrator;
import dev.gatehouse.platform.db.PeriodicJob;
import dev.gatehouse.platform.db.TimerTransactions;
import dev.gatehouse.platform.lease.JobLease;
import dev.gatehouse.platform.lease.JobLeases;
import dev.gatehouse.tenant.settings.SettingsCatalog;
import dev.gatehouse.tenant.settings.TenantSettingsService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.zip.GZIPOutputStream;

/**
 * The only job that deletes audit rows. Every {@code gatehouse.audit.retention-interval}, for each tenant, it takes
 * the oldest rows older than the tenant's {@code audit.retention}, in chain order and batches: it writes each batch
 * to {@code <archive-dir>/<tenant>/audit-<tenant>-<first id>-<last id>.jsonl.gz} (one row's canonical JSON and hash
 * a line, so the archive can be checked with the same chain rule), makes the file durable, and only then deletes
 * the rows, recording the last one's id and hash as the chain's new start (the checkpoint). The file is written
 * holding no transaction. Without an archive directory nothing is deleted.
 * <p>
 * Every node runs the job; one at a time does the work, under the {@code audit-retention} lease
 * ({@link JobLease}), so each batch is archived on one node's disk and deleted once. The lease lasts
 * {@code gatehouse.audit.retention-lease} and is renewed with each batch; a node that stops mid-batch leaves the
 * batch to whichever node takes the lease after it expires, which archives it again under the same file name.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

    @Resource
    TimerService timers;
    @Resource
    UserTransaction tx;
    @Inject
    AuditLog store;
    @Inject
    AuditConfig config;
    @Inject
    AuditTenantSettings settable;
    @Inject
    TenantSettingsService settings;
    @Inject
    SettingsCatalog catalog;
    @Inject
    DatabaseMigrator migrator;
    @Inject
    Clock clock;
    @Inject
    JobLeases leases;

    private final PeriodicJob job = new PeriodicJob(LOG, "Audit log retention");
    private JobLease lease;

    @PostConstruct
    void start() {
        lease = new JobLease(leases, "audit-retention", config.retentionLease(), clock);
        long every = config.retentionInterval().toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("gatehouse-audit-retention", false));
    }

    @Timeout
    void tick() {
        job.tick(migrator, () -> runOnce());
    }

    /**
     * Archives and deletes, in every tenant, what is past its retention; answers how many rows. Nothing when another
     * node holds the lease: that node does the work.
     */
    public int runOnce() throws Exception {
        if (config.archiveDir().isEmpty()) {
            return 0;
        }
        Run run = new Run();
        try {
            for (Map.Entry<String, Instant> first : inTransaction(store::firstOccurred).entrySet()) {
                Instant now = clock.instant();
                // no tenant keeps rows for less than the shortest retention: younger chains need no settings read
                if (first.getValue().isBefore(now.minus(AuditConfig.MIN_RETENTION))) {
                    Instant cutoff = now.minus(retention(first.getKey()));
                    if (first.getValue().isBefore(cutoff) && !prune(first.getKey(), cutoff, run)) {
                        break;
                    }
                }
            }
        } catch (Exception e) {
            // the lease expires by itself: a failed release must not hide why the run failed
            if (run.claimed) {
                run.claimed = false;
                try {
                    release();
                } catch (Exception releasing) {
                    e.addSuppressed(releasing);
                }
            }
            throw e;
        } finally {
            if (run.claimed) {
                release();
            }
        }
        return run.pruned;
    }

    private void release() throws Exception {
        inTransaction(() -> {
            lease.release();
            return null;
        });
    }

    /** What one run did: whether it took the lease (and so releases it), and how many rows it deleted. */
    private static final class Run {
        boolean claimed;
        int pruned;
    }

    private Duration retention(String tenant) throws Exception {
        if (!TenantId.isValid(tenant)) {
            return config.retention();
        }
        try {
            var values = settings.values(new TenantId(tenant));
            return catalog.effective(settable, values).retention();
        } catch (RuntimeException e) {
            LOG.warning("Audit retention of tenant " + tenant + ": its setting does not apply (" + e.getMessage()
                    + "); the global retention does");
            return config.retention();
        }
    }

    /**
     * Archives and deletes the tenant's rows older than the cutoff, batch by batch, each under the lease: claimed in
     * the transaction that reads the batch and renewed in the one that deletes it, which deletes nothing if another
     * node took the lease meanwhile. False when another node holds the lease, so the run stops.
     */
    private boolean prune(String tenant, Instant cutoff, Run run) throws Exception {
        while (true) {
            Optional<List<AuditRow>> batch = inTransaction(() -> lease.claim() ? Optional.of(due(tenant, cutoff)) : Optional.empty());
            if (batch.isEmpty()) {
                return false;
            }
            run.claimed = true;
            List<AuditRow> rows = batch.get();
            if (rows.isEmpty()) {
                return true;
            }
            AuditRow last = rows.get(rows.size() - 1);
            Archive archive = archive(tenant, rows);
            // the file takes its name only once the lease is known to be still this node's: a node that lost it
            // leaves no copy of a batch the new holder archives
            Optional<Integer> deleted = inTransaction(() -> {
                if (!lease.renew()) {
                    return Optional.empty();
                }
                archive.keep();
                return Optional.of(store.prune(tenant, last.seq(), last.hash(), clock.instant()));
            });
            if (deleted.isEmpty()) {
                archive.discard();
                LOG.warning("Audit retention: the lease ran out while rows " + rows.get(0).seq() + " to " + last.seq()
                        + " of tenant " + tenant + " were archived, and another node took it; that node archives and"
                        + " deletes them");
                return false;
            }
            run.pruned += deleted.get();
            if (rows.size() < config.batchSize()) {
                return true;
            }
        }
    }

    /** The tenant's oldest rows before the cutoff, one batch; none when they are pruned already. */
    private List<AuditRow> due(String tenant, Instant cutoff) {
        AuditLog.Ends ends = store.ends(tenant);
        List<AuditRow> rows = store.oldest(tenant, cutoff, config.batchSize());
        return rows.isEmpty() || rows.get(0).seq() <= ends.startSeq() ? List.of() : rows;
    }

    /**
     * Writes the batch to a file of this run's own (two nodes may write the same batch into a shared directory when
     * a lease ran out) and makes it durable; {@link Archive#keep()} gives it the batch's name.
     */
    private Archive archive(String tenant, List<AuditRow> rows) throws IOException {
        Path dir = config.archiveDir().orElseThrow().resolve(tenant.equals(AuditEntries.NO_TENANT) ? "_none" : tenant);
        Files.createDirectories(dir);
        String name = "audit-" + dir.getFileName() + "-" + rows.get(0).seq() + "-" + rows.get(rows.size() - 1).seq() + ".jsonl.gz";
        Path part = dir.resolve(name + "." + UUID.randomUUID() + ".part");
        try (OutputStream out = Files.newOutputStream(part);
             Writer w = new java.io.OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8)) {
            for (AuditRow row : rows) {
                var line = AuditEntry.JSON.createObjectBuilder(AuditEntry.JSON.createReader(new java.io.StringReader(
                        HashChain.canonical(row.seq(), row.recordedAt(), row.entry()))).readObject()).add("hash", row.hash());
                w.write(line.build().toString());
                w.write('\n');
            }
        }
        try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        return new Archive(part, dir.resolve(name));
    }

    /** A batch's file, written under a name of its own until it is kept. */
    private record Archive(Path part, Path file) {

        void keep() throws IOException {
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }

        void discard() throws IOException {
            Files.deleteIfExists(part);
        }
    }

    private <T> T inTransaction(TimerTransactions.Work<T> work) throws Exception {
        return TimerTransactions.call(tx, work);
    }
}
