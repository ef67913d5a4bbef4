package dev.gatehouse.selfservice.login;

import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.throttle.FailureCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Brute-force protection for sign-in: failures are counted per identifier and per client address in the
 * database (so the count holds across nodes). Past the limit within the window the identifier (or
 * address) is locked, for a time that doubles with each lock. A locked attempt gets the same answer as a
 * wrong password, so a lock does not tell an attacker the account exists.
 */
@ApplicationScoped
public class LoginThrottle {

    /**
     * What is counted: sign-in here; {@code CLIENT_ID} and {@code CLIENT_IP} are the token server's client
     * authentication failures (oauth2.client.ClientAuthThrottle), kept in the same table and listed with these.
     * {@code SECOND_FACTOR} counts wrong second factors (authenticator codes, recovery codes) per identity id.
     */
    public enum Subject { IDENTIFIER, IP, CLIENT_ID, CLIENT_IP, SECOND_FACTOR }

    /** A current lock, for the admin API. */
    public record Lock(Subject kind, String subject, int failures, Instant lockedUntil, int lockouts) {
    }

    @Inject
    FailureCounts counts;
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
        return lockedAt(tenant, Subject.IDENTIFIER, identifier, now) || ip != null && lockedAt(tenant, Subject.IP, ip, now);
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
        counts.clear(tenant, Subject.IDENTIFIER.name(), identifier);
    }

    /**
     * Reserves a second-factor attempt of this identity before its secret is checked: refused while locked (after
     * {@code max-failures} wrong ones within the window, as for an identifier, so a six-digit code cannot be guessed
     * by trying them all), else counted as a failure at once, so that attempts sent together cannot all be checked
     * before the first of them is counted. A right one clears the count; the lock it may have started is reported
     * by {@link #secondFactorLockStarted} only if the attempt turns out wrong.
     */
    @Transactional
    public FailureCounts.Reservation reserveSecondFactor(TenantId tenant, String identityId) {
        if (!config.enabled()) {
            return FailureCounts.Reservation.FREE;
        }
        return counts.reserve(tenant, Subject.SECOND_FACTOR.name(), identityId, limits(config.maxFailures()), clock.instant());
    }

    /** Reports the lock a wrong second factor's reserved attempt started. */
    @Transactional
    public void secondFactorLockStarted(TenantId tenant, String identityId, Instant until) {
        announce(tenant, Subject.SECOND_FACTOR, identityId, until);
    }

    /** A right second factor clears the identity's count. */
    @Transactional
    public void secondFactorSucceeded(TenantId tenant, String identityId) {
        counts.clear(tenant, Subject.SECOND_FACTOR.name(), identityId);
    }

    /** The sign-in and client locks (other counts kept in the same table, such as codes sent, are not locks). */
    @Transactional
    public List<Lock> locks(TenantId tenant, Optional<String> subject) {
        java.util.Set<String> kinds = java.util.Arrays.stream(Subject.values()).map(Subject::name).collect(java.util.stream.Collectors.toSet());
        return counts.list(tenant, subject, 1000).stream().filter(r -> kinds.contains(r.kind()))
                .map(r -> new Lock(Subject.valueOf(r.kind()), r.subject(),
                r.standing().failures(), r.standing().lockedUntil().orElse(null), r.standing().lockouts())).toList();
    }

    /** Clears the counts and locks of a subject (identifier or address); returns whether there were any. */
    @Transactional
    public boolean clear(TenantId tenant, String subject) {
        return counts.clearAll(tenant, subject);
    }

    private boolean lockedAt(TenantId tenant, Subject kind, String subject, Instant now) {
        return counts.standing(tenant, kind.name(), subject).filter(s -> s.lockedAt(now)).isPresent();
    }

    private void count(TenantId tenant, Subject kind, String subject, int max) {
        counts.count(tenant, kind.name(), subject, limits(max), clock.instant()).ifPresent(until -> announce(tenant, kind, subject, until));
    }

    private FailureCounts.Limits limits(int max) {
        return new FailureCounts.Limits(max, config.window(), config.lockout(), config.maxLockout());
    }

    private void announce(TenantId tenant, Subject kind, String subject, Instant until) {
        String key = FailureCounts.key(subject);
        int lockouts = counts.standing(tenant, kind.name(), subject).map(FailureCounts.Standing::lockouts).orElse(1);
        events.fire(SecurityEvent.of(SecurityEventType.LOGIN_LOCKOUT, Outcome.DENIED).tenant(tenant.value())
                .detail("kind", kind.name().toLowerCase(Locale.ROOT))
                .detail(switch (kind) {
                    case IDENTIFIER -> "identifier";
                    case SECOND_FACTOR -> "identity";
                    default -> "address";
                }, key)
                .detail("locked_until", until).detail("lockouts", lockouts));
    }
}
