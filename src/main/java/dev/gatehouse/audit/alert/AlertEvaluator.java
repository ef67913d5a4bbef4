package dev.gatehouse.audit.alert;

import dev.gatehouse.jwk.KeyEncryptionKey;
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

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Every {@code gatehouse.audit.alert.interval}: evaluates the alert rules ({@link AlertEvaluation}, one transaction
 * under the {@code audit_alert_evaluator} row lock, so with several nodes one evaluates at a time and a group fires
 * once), then sends the webhooks that are due. Deliveries are claimed in a short transaction, sent with no transaction
 * and no connection held, and their outcome recorded in another: a delivery the receiver refused (not 2xx) or did not
 * answer is tried again after a back-off that doubles, until {@code max-attempts}; nothing queued is lost when a
 * node stops, since a claim only postpones a delivery.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class AlertEvaluator {

    private static final Logger LOG = Logger.getLogger(AlertEvaluator.class.getName());
    private static final int DELIVERIES_PER_RUN = 20;

    @Resource
    TimerService timers;
    @Resource
    UserTransaction tx;
    @Inject
    AlertEvaluation evaluation;
    @Inject
    AlertStore store;
    @Inject
    WebhookSecrets secrets;
    @Inject
    WebhookSender sender;
    @Inject
    AlertConfig config;
    @Inject
    DatabaseMigrator migrator;
    @Inject
    Clock clock;

    private final PeriodicJob job = new PeriodicJob(LOG, "Evaluating audit alerts");

    @PostConstruct
    void start() {
        long every = config.interval().toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("gatehouse-audit-alerts", false));
    }

    @Timeout
    void tick() {
        job.tick(migrator, () -> {
            TimerTransactions.call(tx, () -> evaluation.evaluateAll(clock.instant()));
            deliver();
        });
    }

    private void deliver() throws Exception {
        Instant now = clock.instant();
        // a claim outlasts sending every claimed delivery, so no other run sends one of them meanwhile
        Instant leaseUntil = now.plus(config.timeout().multipliedBy(DELIVERIES_PER_RUN + 1L));
        List<AlertStore.Delivery> claimed = TimerTransactions.call(tx, () -> {
            store.lockEvaluator();
            return store.claimDue(now, leaseUntil, DELIVERIES_PER_RUN);
        });
        for (AlertStore.Delivery d : claimed) {
            Integer status = send(d);
            Instant at = clock.instant();
            TimerTransactions.call(tx, () -> {
                if (status != null && status / 100 == 2) {
                    store.delivered(d.id(), at, status);
                } else {
                    int attempts = d.attempts() + 1;
                    boolean last = attempts >= config.maxAttempts();
                    if (last) {
                        LOG.warning("Alert webhook " + d.messageId() + " of rule " + d.ruleId() + " (tenant " + d.tenant()
                                + ") given up after " + attempts + " attempts; last status " + status);
                    }
                    store.attemptFailed(d.id(), attempts, last ? null : at.plus(config.waitAfter(attempts)), status, at);
                }
                return null;
            });
        }
    }

    /** The receiver's status, or null when it could not be reached or the secret cannot be opened. */
    private Integer send(AlertStore.Delivery d) {
        try {
            String secret = secrets.open(d.tenant(), d.ruleId(), d.secret());
            return sender.send(d.url(), d.messageId(), clock.instant().getEpochSecond(), secret, d.body());
        } catch (IOException e) {
            LOG.fine("Alert webhook " + d.messageId() + " not delivered: " + e.getClass().getSimpleName());
            return null;
        } catch (KeyEncryptionKey.UnreadableKeyException e) {
            LOG.warning("Alert webhook " + d.messageId() + " of rule " + d.ruleId() + " cannot be signed: its secret "
                    + "cannot be opened (" + e.getMessage() + ")");
            return null;
        }
    }
}
