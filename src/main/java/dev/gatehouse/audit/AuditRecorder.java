package dev.gatehouse.audit;


import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.platform.db.Transactions;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.logging.Logger;

/**
 * Records every {@link SecurityEvent} in the audit outbox. Observed synchronously, so inside the transaction of the
 * change that fired it: the row commits with the change or not at all. An event fired with no transaction gets a
 * short one of its own. A failure or denial fired in a transaction that then rolls back is still recorded, after
 * the rollback, in a transaction of its own: that an attempt failed is the fact worth keeping. A success that
 * rolled back did not happen and is not recorded. The audit log never fails the change itself: an event the
 * database could not take inside the transaction is recorded again after it, and one that cannot be recorded at
 * all is logged (with the {@code gatehouse.security} line every event has anyway).
 */
@ApplicationScoped
public class AuditRecorder {

    private static final Logger LOG = Logger.getLogger(AuditRecorder.class.getName());

    @Inject
    AuditLog store;
    @Inject
    Transactions transactions;
    @Inject
    AuditConfig config;
    @Inject
    AuditAddresses addresses;
    @Inject
    BeanManager beans;
    @Inject
    Instance<HttpServletRequest> request;
    @Resource
    TransactionSynchronizationRegistry registry;
    @Resource
    ManagedExecutorService executor;

    private final AuditEntries entries = new AuditEntries(new Devices());

    void record(@Observes SecurityEvent event) {
        if (!config.records(event.type())) {
            return;
        }
        AuditEntry entry = addresses.masked(entries.entry(event, traceparent(), requestActive()));
        int status = registry.getTransactionStatus();
        if (status == Status.STATUS_ACTIVE) {
            boolean recorded = store.enqueue(entry);
            if (!recorded || event.outcome() != Outcome.SUCCESS) {
                registry.registerInterposedSynchronization(new RecordAfterCompletion(entry, !recorded));
            }
        } else if (status == Status.STATUS_NO_TRANSACTION) {
            recordAlone(entry);
        } else if (event.outcome() != Outcome.SUCCESS) {
            registry.registerInterposedSynchronization(new RecordAfterCompletion(entry, false));
        }
    }

    private void recordAlone(AuditEntry entry) {
        try {
            transactions.run(() -> store.enqueue(entry));
        } catch (RuntimeException e) {
            LOG.warning("An audit event could not be recorded (" + entry.eventType() + " in tenant " + entry.tenant()
                    + "): " + e.getClass().getSimpleName());
        }
    }

    private String traceparent() {
        if (!requestActive()) {
            return null;
        }
        try {
            return request.get().getHeader("traceparent");
        } catch (RuntimeException e) {
            return null;
        }
    }

    private boolean requestActive() {
        try {
            return beans.getContext(RequestScoped.class).isActive();
        } catch (ContextNotActiveException e) {
            return false;
        }
    }

    /**
     * Records the event in a transaction of its own once the firing transaction ended: after a rollback if it reports
     * a failure or denial (the attempt is the fact), after a commit if it could not be written inside it.
     */
    private final class RecordAfterCompletion implements Synchronization {
        private final AuditEntry entry;
        private final boolean onCommit;

        RecordAfterCompletion(AuditEntry entry, boolean onCommit) {
            this.entry = entry;
            this.onCommit = onCommit;
        }

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            boolean committed = status == Status.STATUS_COMMITTED;
            if (committed ? onCommit : entry.result() != AuditEntry.Result.SUCCESS) {
                executor.execute(() -> recordAlone(entry));
            }
        }
    }
}
