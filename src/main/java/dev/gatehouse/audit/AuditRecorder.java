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
 * rolled back did not happen and is not recorded.
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
        AuditEntry entry = entries.entry(event, traceparent(), requestActive());
        int status = registry.getTransactionStatus();
        if (status == Status.STATUS_ACTIVE) {
            store.enqueue(entry);
            if (event.outcome() != Outcome.SUCCESS) {
                registry.registerInterposedSynchronization(new RecordAfterRollback(entry));
            }
        } else if (status == Status.STATUS_NO_TRANSACTION) {
            recordAlone(entry);
        } else if (event.outcome() != Outcome.SUCCESS) {
            registry.registerInterposedSynchronization(new RecordAfterRollback(entry));
        }
    }

    private void recordAlone(AuditEntry entry) {
        try {
            transactions.run(() -> store.enqueue(entry));
        } catch (RuntimeException e) {
            LOG.warning("An audit event could not be recorded (" + entry.eventType() + " in tenant " + entry.tenant()
                    + "): " + e.getMessage());
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

    /** Once the firing transaction rolled back, records the failure it reported in a transaction of its own. */
    private final class RecordAfterRollback implements Synchronization {
        private final AuditEntry entry;

        RecordAfterRollback(AuditEntry entry) {
            this.entry = entry;
        }

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
                executor.execute(() -> recordAlone(entry));
            }
        }
    }
}
