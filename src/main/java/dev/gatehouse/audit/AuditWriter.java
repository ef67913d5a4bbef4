package dev.gatehouse.audit;


import dev.gatehouse.platform.db.DatabaseMigrator;
import dev.gatehouse.platform.db.PeriodicJob;
import dev.gatehouse.platform.db.TimerTransactions;
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

import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one writer of the audit chain: every {@code gatehouse.audit.write-interval} it moves what the outbox holds
 * into the chain, {@code batch-size} rows per transaction, until the outbox is empty. Each batch takes the
 * {@code audit_writer} row lock first, so on many nodes batches run one after the other and every tenant's chain
 * grows in one order. Requests never wait on a chain: they only append to the outbox.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class AuditWriter {

    private static final Logger LOG = Logger.getLogger(AuditWriter.class.getName());

    @Resource
    TimerService timers;
    @Resource
    UserTransaction tx;
    @Inject
    AuditLog store;
    @Inject
    AuditConfig config;
    @Inject
    DatabaseMigrator migrator;
    @Inject
    Clock clock;

    private final PeriodicJob job = new PeriodicJob(LOG, "Writing the audit log");

    @PostConstruct
    void start() {
        long every = config.writeInterval().toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("gatehouse-audit-writer", false));
    }

    @Timeout
    void tick() {
        job.tick(migrator, () -> drain());
    }

    /** Moves everything the outbox holds now into the chain; answers how many rows. */
    public int drain() throws Exception {
        int moved = 0;
        long started = System.nanoTime();
        int n;
        do {
            n = TimerTransactions.call(tx, () -> store.moveBatch(config.batchSize(), clock.instant()));
            moved += n;
        } while (n >= config.batchSize());
        if (moved > 0 && LOG.isLoggable(Level.FINE)) {
            LOG.fine("Audit log: " + moved + " event(s) written in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
        return moved;
    }
}
