package dev.gatehouse.platform.throttle;

import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Failure counts and locks per subject in the {@code login_throttle} table (one row per tenant, kind and subject),
 * shared by all nodes. Within a window, {@link Limits#maxFailures()} failures lock the subject; each lock lasts twice
 * as long as the one before, up to a maximum. Runs in the caller's transaction: callers keep it short and never hold
 * it across slow work (a secret's check).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FailureCounts {

    /** How many failures within {@code window} lock a subject, the first lock's length and the longest. */
    public record Limits(int maxFailures, Duration window, Duration lockout, Duration maxLockout) {
    }

    /** One row: what was counted for a subject of a kind. */
    public record Row(String kind, String subject, Standing standing) {
    }

    /** A subject's failures since its window began, its lock (if any, maybe past) and how many locks it had. */
    public record Standing(int failures, Optional<Instant> lockedUntil, int lockouts) {

        public boolean lockedAt(Instant now) {
            return lockedUntil.filter(now::isBefore).isPresent();
        }
    }

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    /** The subject's record, if it ever failed (and nobody cleared it). */
    public Optional<Standing> standing(TenantId tenant, String kind, String subject) {
        List<?> rows = em.createNativeQuery("SELECT failures, locked_until, lockouts FROM login_throttle "
                        + "WHERE tenant_id = ? AND subject_kind = ? AND subject = ?")
                .setParameter(1, tenant.value()).setParameter(2, kind).setParameter(3, key(subject)).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new Standing(((Number) r[0]).intValue(), Optional.ofNullable(instant(r[1])), ((Number) r[2]).intValue()));
    }

    /**
     * Counts one failure at {@code now}; answers the end of the lock this failure started, if it started one. The row
     * is created if missing (concurrent first failures on any node are all counted) and then locked for the update.
     */
    public Optional<Instant> count(TenantId tenant, String kind, String subject, Limits limits, Instant now) {
        String key = key(subject);
        em.createNativeQuery("INSERT INTO login_throttle (tenant_id, subject_kind, subject, failures, first_failure, "
                        + "locked_until, lockouts, updated_at) VALUES (?, ?, ?, 0, ?, NULL, 0, ?) ON CONFLICT DO NOTHING")
                .setParameter(1, tenant.value()).setParameter(2, kind).setParameter(3, key)
                .setParameter(4, Timestamp.from(now)).setParameter(5, Timestamp.from(now)).executeUpdate();
        Object[] r = (Object[]) em.createNativeQuery("SELECT failures, first_failure, lockouts FROM login_throttle "
                        + "WHERE tenant_id = ? AND subject_kind = ? AND subject = ? FOR UPDATE")
                .setParameter(1, tenant.value()).setParameter(2, kind).setParameter(3, key).getSingleResult();
        Instant first = instant(r[1]);
        boolean fresh = first.plus(limits.window()).isBefore(now);
        int failures = (fresh ? 0 : ((Number) r[0]).intValue()) + 1;
        int lockouts = ((Number) r[2]).intValue();
        Optional<Instant> lock = Optional.empty();
        if (failures >= limits.maxFailures()) {
            Duration length = limits.lockout().multipliedBy(1L << Math.min(lockouts, 20));
            lock = Optional.of(now.plus(length.compareTo(limits.maxLockout()) > 0 ? limits.maxLockout() : length));
            failures = 0;
            fresh = true;
            lockouts++;
        }
        var update = em.createNativeQuery("UPDATE login_throttle SET failures = ?, first_failure = ?, lockouts = ?, updated_at = ?"
                        + (lock.isPresent() ? ", locked_until = ?" : "") + " WHERE tenant_id = ? AND subject_kind = ? AND subject = ?")
                .setParameter(1, failures).setParameter(2, Timestamp.from(fresh ? now : first)).setParameter(3, lockouts)
                .setParameter(4, Timestamp.from(now));
        int p = 5;
        if (lock.isPresent()) {
            update.setParameter(p++, Timestamp.from(lock.get()));
        }
        update.setParameter(p++, tenant.value()).setParameter(p++, kind).setParameter(p, key).executeUpdate();
        return lock;
    }

    /** Forgets the subject's failures and locks. */
    public void clear(TenantId tenant, String kind, String subject) {
        em.createNativeQuery("DELETE FROM login_throttle WHERE tenant_id = ? AND subject_kind = ? AND subject = ?")
                .setParameter(1, tenant.value()).setParameter(2, kind).setParameter(3, key(subject)).executeUpdate();
    }

    /** Forgets the subject's failures and locks of every kind; answers whether there were any. */
    public boolean clearAll(TenantId tenant, String subject) {
        return em.createNativeQuery("DELETE FROM login_throttle WHERE tenant_id = ? AND subject = ?")
                .setParameter(1, tenant.value()).setParameter(2, key(subject)).executeUpdate() > 0;
    }

    /** The tenant's rows (of one subject, if given), most recently changed first, at most {@code limit}. */
    public List<Row> list(TenantId tenant, Optional<String> subject, int limit) {
        String sql = "SELECT subject_kind, subject, failures, locked_until, lockouts FROM login_throttle WHERE tenant_id = ?"
                + (subject.isPresent() ? " AND subject = ?" : "") + " ORDER BY updated_at DESC";
        var q = em.createNativeQuery(sql).setParameter(1, tenant.value());
        subject.ifPresent(s -> q.setParameter(2, key(s)));
        return q.setMaxResults(limit).getResultList().stream().map(row -> {
            Object[] r = (Object[]) row;
            return new Row((String) r[0], (String) r[1], new Standing(((Number) r[2]).intValue(),
                    Optional.ofNullable(instant(r[3])), ((Number) r[4]).intValue()));
        }).toList();
    }

    /** Subjects are kept as the admin API looks them up: trimmed, lower case, at most the column's 320 characters. */
    public static String key(String subject) {
        String s = subject == null ? "" : subject.trim().toLowerCase(Locale.ROOT);
        return s.length() > 320 ? s.substring(0, 320) : s;
    }

    /** A timestamp column as a native query answers it (the JDBC driver decides the type). */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Date d) {
            return d.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass().getName());
    }
}
