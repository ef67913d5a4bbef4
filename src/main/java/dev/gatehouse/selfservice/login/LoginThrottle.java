package dev.gatehouse.selfservice.login;

import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Brute-force protection for sign-in: failures are counted per identifier and per client address in the
 * database (so the count holds across nodes). Past the limit within the window the identifier (or
 * address) is locked, for a time that doubles with each lock. A locked attempt gets the same answer as a
 * wrong password, so a lock does not tell an attacker the account exists.
 */
@ApplicationScoped
public class LoginThrottle {

    /** What is counted. */
    public enum Subject { IDENTIFIER, IP }

    /** A current lock, for the admin API. */
    public record Lock(Subject kind, String subject, int failures, Instant lockedUntil, int lockouts) {
    }

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;
    @Inject
    LoginThrottleConfig config;
    @Inject
    SecurityEvents events;
    @Inject
    Clock clock;

    /** Whether sign-in for this identifier or from this address is locked right now. */
    @Transactional
    public boolean isLocked(TenantId tenant, String identifier, String ip) {
        if (!config.enabled()) {
            return false;
        }
        Instant now = clock.instant();
        return lockedUntil(tenant, Subject.IDENTIFIER, identifier).filter(now::isBefore).isPresent()
                || ip != null && lockedUntil(tenant, Subject.IP, ip).filter(now::isBefore).isPresent();
    }

    /**
     * Counts a failure for both. The password sign-in calls it outside any transaction, so the count commits on
     * its own; inside one (a code sign-in) it commits with the caller's answer. Never a transaction of its own
     * beside the caller's: that would need a second database connection while the first is held.
     */
    @Transactional
    public void failed(TenantId tenant, String identifier, String ip) {
        if (!config.enabled()) {
            return;
        }
        count(tenant, Subject.IDENTIFIER, identifier, config.maxFailures());
        if (ip != null) {
            count(tenant, Subject.IP, ip, config.maxFailuresPerIp());
        }
    }

    /** A successful sign-in clears the identifier's count (not the address's: one's own account must not reset it). */
    @Transactional
    public void succeeded(TenantId tenant, String identifier) {
        em.createNativeQuery("DELETE FROM login_throttle WHERE tenant_id = ? AND subject_kind = ? AND subject = ?")
                .setParameter(1, tenant.value()).setParameter(2, Subject.IDENTIFIER.name()).setParameter(3, key(identifier))
                .executeUpdate();
    }

    @Transactional
    public List<Lock> locks(TenantId tenant, Optional<String> subject) {
        List<Lock> out = new ArrayList<>();
        String sql = "SELECT subject_kind, subject, failures, locked_until, lockouts FROM login_throttle WHERE tenant_id = ?"
                + (subject.isPresent() ? " AND subject = ?" : "") + " ORDER BY updated_at DESC";
        var q = em.createNativeQuery(sql).setParameter(1, tenant.value());
        subject.ifPresent(s -> q.setParameter(2, key(s)));
        for (Object row : q.setMaxResults(1000).getResultList()) {
            Object[] r = (Object[]) row;
            out.add(new Lock(Subject.valueOf((String) r[0]), (String) r[1], ((Number) r[2]).intValue(), instant(r[3]),
                    ((Number) r[4]).intValue()));
        }
        return out;
    }

    /** Clears the counts and locks of a subject (identifier or address); returns whether there were any. */
    @Transactional
    public boolean clear(TenantId tenant, String subject) {
        return em.createNativeQuery("DELETE FROM login_throttle WHERE tenant_id = ? AND subject = ?")
                .setParameter(1, tenant.value()).setParameter(2, key(subject)).executeUpdate() > 0;
    }

    private Optional<Instant> lockedUntil(TenantId tenant, Subject kind, String subject) {
        List<?> rows = em.createNativeQuery("SELECT locked_until FROM login_throttle WHERE tenant_id = ? AND subject_kind = ? AND subject = ?")
                .setParameter(1, tenant.value()).setParameter(2, kind.name()).setParameter(3, key(subject)).getResultList();
        return rows.isEmpty() || rows.get(0) == null ? Optional.empty() : Optional.of(instant(rows.get(0)));
    }

    private void count(TenantId tenant, Subject kind, String subject, int max) {
        Instant now = clock.instant();
        String key = key(subject);
        // the row first (nothing happens if it exists), then its lock: concurrent first failures, on this node or
        // another, are all counted, and none of them fails the caller's transaction
        em.createNativeQuery("INSERT INTO login_throttle (tenant_id, subject_kind, subject, failures, first_failure, "
                        + "locked_until, lockouts, updated_at) VALUES (?, ?, ?, 0, ?, NULL, 0, ?) ON CONFLICT DO NOTHING")
                .setParameter(1, tenant.value()).setParameter(2, kind.name()).setParameter(3, key)
                .setParameter(4, ts(now)).setParameter(5, ts(now)).executeUpdate();
        Object[] r = (Object[]) em.createNativeQuery("SELECT failures, first_failure, lockouts FROM login_throttle "
                        + "WHERE tenant_id = ? AND subject_kind = ? AND subject = ? FOR UPDATE")
                .setParameter(1, tenant.value()).setParameter(2, kind.name()).setParameter(3, key).getSingleResult();
        int failures = ((Number) r[0]).intValue();
        Instant first = instant(r[1]);
        int lockouts = ((Number) r[2]).intValue();
        if (first.plus(config.window()).isBefore(now)) {
            failures = 0;
            first = now;
        }
        failures++;
        em.createNativeQuery("UPDATE login_throttle SET failures = ?, first_failure = ?, updated_at = ? "
                        + "WHERE tenant_id = ? AND subject_kind = ? AND subject = ?")
                .setParameter(1, failures).setParameter(2, ts(first)).setParameter(3, ts(now))
                .setParameter(4, tenant.value()).setParameter(5, kind.name()).setParameter(6, key).executeUpdate();
        lockIfOver(tenant, kind, key, failures, lockouts, now, max);
    }

    private void lockIfOver(TenantId tenant, Subject kind, String key, int failures, int lockouts, Instant now, int max) {
        if (failures < max) {
            return;
        }
        Duration length = config.lockout().multipliedBy(1L << Math.min(lockouts, 20));
        if (length.compareTo(config.maxLockout()) > 0) {
            length = config.maxLockout();
        }
        Instant until = now.plus(length);
        em.createNativeQuery("UPDATE login_throttle SET failures = 0, first_failure = ?, locked_until = ?, lockouts = ?, "
                        + "updated_at = ? WHERE tenant_id = ? AND subject_kind = ? AND subject = ?")
                .setParameter(1, ts(now)).setParameter(2, ts(until)).setParameter(3, lockouts + 1).setParameter(4, ts(now))
                .setParameter(5, tenant.value()).setParameter(6, kind.name()).setParameter(7, key).executeUpdate();
        events.fire(SecurityEvent.of(SecurityEventType.LOGIN_LOCKOUT, Outcome.DENIED).tenant(tenant.value())
                .detail("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
                .detail(kind == Subject.IDENTIFIER ? "identifier" : "address", key)
                .detail("locked_until", until).detail("lockouts", lockouts + 1));
    }

    private static String key(String subject) {
        String s = subject == null ? "" : subject.trim().toLowerCase(java.util.Locale.ROOT);
        return s.length() > 320 ? s.substring(0, 320) : s;
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.util.Date d) {
            return d.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass().getName());
    }
}
