package dev.gatehouse.selfservice.login.jpa;

import dev.gatehouse.platform.db.ExpiredRows;
import dev.gatehouse.selfservice.login.LoginThrottleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;

/**
 * The sign-in throttle's rows for the clean-up job: a row goes once the window of its first counted failure and
 * its lock (if any) both ended before the cutoff. The grace keeps a row that long after its lock, so a lock that
 * follows soon after still doubles. Native SQL, unlike the counting itself (platform.throttle.jpa): the table has
 * a composite key, which the id-based batch delete cannot take, and JPQL has no limit on a delete. The condition is checked again on the rows deleted, so a row that counted a new
 * failure meanwhile stays.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JpaLoginThrottleRows implements ExpiredRows {

    private static final String QUIET = "first_failure < ? AND (locked_until IS NULL OR locked_until < ?)";

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;
    @Inject
    LoginThrottleConfig config;

    @Override
    public int deleteExpired(Batch batch) {
        Timestamp windowStart = Timestamp.from(batch.cutoff().minus(config.window()));
        Timestamp cutoff = Timestamp.from(batch.cutoff());
        var q = em.createNativeQuery("DELETE FROM login_throttle WHERE " + QUIET + " AND (tenant_id, subject_kind, subject) IN"
                + " (SELECT tenant_id, subject_kind, subject FROM login_throttle WHERE " + QUIET + " FETCH FIRST ? ROWS ONLY)");
        int i = 1;
        for (int copy = 0; copy < 2; copy++) {
            q.setParameter(i++, windowStart).setParameter(i++, cutoff);
        }
        return q.setParameter(i, batch.size()).executeUpdate();
    }
}
