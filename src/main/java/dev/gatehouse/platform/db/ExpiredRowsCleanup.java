package dev.gatehouse.platform.db;

import dev.gatehouse.kernel.log.Logs;

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
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;

import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * The clean-up job: every {@code gatehouse.cleanup.interval} it asks every {@link ExpiredRows} store to delete what
 * expired more than {@code gatehouse.cleanup.grace} ago (or is past a store's own retention), in all tenants at once,
 * so a run costs the same with one tenant or thousands. Each batch of at most {@code batch-size} rows is its own short transaction, so no delete holds row
 * locks or a connection for long, and nothing is held between batches. Safe on many nodes at once: a delete of
 * rows another node already deleted deletes nothing.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class ExpiredRowsCleanup {

    private static final Logger LOG = Logs.of(ExpiredRowsCleanup.class);

    @Resource
    TimerService timers;
    @Resource
    UserTransaction tx;
    @Inject
    CleanupConfig config;
    @Inject
    DatabaseMigrator migrator;
    @Inject
    @Any
    Instance<ExpiredRows> stores;
    @Inject
    Clock clock;

    private final PeriodicJob job = new PeriodicJob(LOG, "Clean-up of expired rows");

    @PostConstruct
    void start() {
        long every = config.interval().toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("gatehouse-cleanup", false));
    }

    @Timeout
    void tick() {
        job.tick(migrator, this::runOnce);
    }

    /** Deletes what may go now, in batches of the configured size; returns how many rows. */
    public int runOnce() throws Exception {
        return runOnce(config.batchSize());
    }

    /** As {@link #runOnce()}, in batches of {@code batchSize} rows. */
    public int runOnce(int batchSize) throws Exception {
        Instant now = clock.instant();
        ExpiredRows.Batch batch = new ExpiredRows.Batch(now, now.minus(config.grace()), batchSize);
        int deleted = 0;
        for (ExpiredRows rows : stores) {
            deleted += sweep(rows, batch);
        }
        return deleted;
    }

    /** One store: batch after batch until a batch comes back short. */
    private int sweep(ExpiredRows rows, ExpiredRows.Batch batch) throws Exception {
        int deleted = 0;
        int n;
        do {
            n = inTransaction(() -> rows.deleteExpired(batch));
            deleted += n;
        } while (n >= batch.size());
        return deleted;
    }

    private <T> T inTransaction(TimerTransactions.Work<T> work) throws Exception {
        return TimerTransactions.call(tx, work);
    }
}
