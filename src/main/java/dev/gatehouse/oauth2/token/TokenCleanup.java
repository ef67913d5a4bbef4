package dev.gatehouse.oauth2.token;

import dev.gatehouse.platform.db.DatabaseMigrator;
import dev.gatehouse.platform.db.ExpiredRows;
import dev.gatehouse.platform.db.PeriodicJob;
import dev.gatehouse.tenant.Tenant;
import dev.gatehouse.tenant.TenantRepository;
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
import java.util.List;
import java.util.logging.Logger;

/**
 * Deletes codes, tokens and grants, and authorization and logout requests (every {@link ExpiredRows} store), that
 * expired more than {@code gatehouse.oauth2.token.cleanup-grace} ago, every {@code cleanup-interval}, tenant by
 * tenant, one transaction per tenant and store. Safe on many nodes at once
 * (a delete of rows already gone deletes nothing).
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class TokenCleanup {

    private static final Logger LOG = Logger.getLogger(TokenCleanup.class.getName());
    private static final int PAGE = 100;

    @Resource
    TimerService timers;
    @Resource
    UserTransaction tx;
    @Inject
    TokenConfig config;
    @Inject
    DatabaseMigrator migrator;
    @Inject
    TenantRepository tenants;
    @Inject
    @Any
    Instance<ExpiredRows> stores;
    @Inject
    Clock clock;

    private final PeriodicJob job = new PeriodicJob(LOG, "OAuth2 token clean-up");

    @PostConstruct
    void start() {
        long every = config.cleanupInterval().toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("gatehouse-oauth2-token-cleanup", false));
    }

    @Timeout
    void tick() {
        job.tick(migrator, this::runOnce);
    }

    /** Deletes what expired before now minus the grace period, in every tenant; returns how many rows. */
    public int runOnce() throws Exception {
        Instant cutoff = clock.instant().minus(config.cleanupGrace());
        int deleted = 0;
        for (int offset = 0; ; offset += PAGE) {
            tx.begin();
            List<Tenant> page;
            try {
                page = tenants.list(offset, PAGE);
                tx.commit();
            } catch (Exception e) {
                tx.rollback();
                throw e;
            }
            for (Tenant tenant : page) {
                for (ExpiredRows rows : stores) {
                    tx.begin();
                    try {
                        deleted += rows.deleteExpired(tenant.id(), cutoff);
                        tx.commit();
                    } catch (Exception e) {
                        tx.rollback();
                        throw e;
                    }
                }
            }
            if (page.size() < PAGE) {
                return deleted;
            }
        }
    }
}
