package dev.gatehouse.platform.db;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One bounded batch of a JPQL bulk delete, for {@link ExpiredRows} stores. JPQL has no LIMIT on DELETE, so the ids
 * of at most {@code size} matching rows are selected first and then deleted by id with the condition checked
 * again, so a row changed in between (a session extended, a throttle counting a new failure) stays. Both
 * statements run in the caller's transaction, which the clean-up job keeps to this one batch.
 * <p>
 * The entity must have an {@code id} field; the condition names the entity {@code e}.
 */
public final class BatchDelete {

    private final EntityManager em;
    private final String entity;
    private String condition;
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private BatchDelete(EntityManager em, String entity, String condition) {
        this.em = em;
        this.entity = entity;
        this.condition = condition;
    }

    /** @param condition a JPQL condition on {@code e}, e.g. {@code e.status in :done and e.updatedAt < :before} */
    public static BatchDelete of(EntityManager em, String entity, String condition) {
        return new BatchDelete(em, entity, condition);
    }

    /**
     * Rows of any tenant whose {@code expiresAt} (an {@code Instant}, as on every entity that expires) is before
     * {@code cutoff}.
     */
    public static BatchDelete expired(EntityManager em, String entity, Instant cutoff) {
        return of(em, entity, "e.expiresAt < :cutoff").with("cutoff", cutoff);
    }

    /** Narrows the condition, e.g. {@code not exists (...)}. */
    public BatchDelete and(String more) {
        condition = condition + " and (" + more + ")";
        return this;
    }

    public BatchDelete with(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    /** Deletes at most {@code size} matching rows; returns how many. */
    public int run(int size) {
        List<?> ids = bind(em.createQuery("select e.id from " + entity + " e where " + condition))
                .setMaxResults(size).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return bind(em.createQuery("delete from " + entity + " e where e.id in :ids and (" + condition + ")"))
                .setParameter("ids", ids).executeUpdate();
    }

    private Query bind(Query q) {
        parameters.forEach(q::setParameter);
        return q;
    }
}
