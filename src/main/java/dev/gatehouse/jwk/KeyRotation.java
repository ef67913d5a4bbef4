package dev.gatehouse.jwk;

import dev.gatehouse.kernel.log.Logs;

import dev.gatehouse.platform.db.DatabaseMigrator;
import dev.gatehouse.platform.db.PeriodicJob;
import dev.gatehouse.platform.db.Transactions;
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

import java.util.logging.Logger;

/**
 * The rotation schedule: every {@code gatehouse.jwk.rotation-check-interval} each node looks at every key
 * set and replaces signing keys older than {@code rotation-period} (one node wins each set's row lock; the
 * others find the fresh key and do nothing), then deletes keys past their retirement time.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class KeyRotation {

    private static final Logger LOG = Logs.of(KeyRotation.class);

    @Resource
    TimerService timers;
    @Inject
    JwkConfig config;
    @Inject
    DatabaseMigrator migrator;
    @Inject
    KeyRing ring;
    @Inject
    KeyRepository repository;
    @Inject
    Transactions transactions;

    private final PeriodicJob job = new PeriodicJob(LOG, "Key rotation check");

    @PostConstruct
    void start() {
        long every = config.rotationCheckInterval().toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("gatehouse-jwk-rotation", false));
    }

    @Timeout
    void tick() {
        job.tick(migrator, this::runOnce);
    }

    /** One pass over every set of every tenant; returns how many sets were rotated. */
    public int runOnce() {
        int rotated = 0;
        for (KeyRepository.SetRef ref : transactions.call(repository::setsWithKeys)) {
            if (ring.rotateIfDue(ref.tenant(), ref.set()).isPresent()) {
                rotated++;
                LOG.info("Rotated the signing key of set " + ref.set() + " of tenant " + ref.tenant());
            }
        }
        ring.purgeRetired();
        return rotated;
    }
}
