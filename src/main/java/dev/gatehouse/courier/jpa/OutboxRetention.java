package dev.gatehouse.courier.jpa;

import dev.gatehouse.courier.CourierConfig;
import dev.gatehouse.courier.MessageStatus;
import dev.gatehouse.platform.db.BatchDelete;
import dev.gatehouse.platform.db.ExpiredRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Messages the courier is done with (sent, abandoned, or held for the dev outbox) are kept for
 * {@code gatehouse.courier.retention} after their last change, for the admin API and support questions, and then
 * deleted by the clean-up job. Queued and in-flight messages are never deleted.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OutboxRetention implements ExpiredRows {

    private static final List<String> DONE = List.of(MessageStatus.SENT.wire(), MessageStatus.ABANDONED.wire(),
            MessageStatus.HELD.wire());

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;
    @Inject
    CourierConfig config;

    protected OutboxRetention() {
    }

    /** For use outside the container (repository contract tests). */
    public OutboxRetention(EntityManager em, CourierConfig config) {
        this.em = em;
        this.config = config;
    }

    @Override
    public int deleteExpired(Batch batch) {
        return BatchDelete.of(em, "CourierMessageEntity", "e.status in :done and e.updatedAt < :before")
                .with("done", DONE)
                .with("before", batch.now().minus(config.retention()))
                .run(batch.size());
    }
}
