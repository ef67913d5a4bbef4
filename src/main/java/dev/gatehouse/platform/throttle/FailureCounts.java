package dev.gatehouse.platform.throttle;

import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Failure counts and locks per subject in the {@code login_throttle} table (one row per tenant, kind and subject),
 * shared by all nodes. Within a window, {@link Limits#maxFailures()} failures lock the subject; each lock lasts twice
 * as long as the one before, up to a maximum. Runs in the caller's transaction: callers keep it short and never hold
 * it across slow work (a secret's check). The counting is here; the rows are kept by a {@link FailureCountRepository}.
 */
@ApplicationScoped
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

    private FailureCountRepository rows;

    protected FailureCounts() {
    }

    @Inject
    public FailureCounts(FailureCountRepository rows) {
        this.rows = rows;
    }

    /**
     * An attempt counted before its secret is checked: refused unchecked while the subject is {@code locked}, else
     * counted as a failure at once ({@code lockStarted} when that count began a lock) and cleared by a success.
     */
    public record Reservation(boolean locked, Optional<Instant> lockStarted) {

        public static final Reservation FREE = new Reservation(false, Optional.empty());
    }

    /** The subject's record, if it ever failed (and nobody cleared it). */
    public Optional<Standing> standing(TenantId tenant, String kind, String subject) {
        return rows.find(tenant, kind, key(subject));
    }

    /**
     * Counts one failure at {@code now}; answers the end of the lock this failure started, if it started one. The row
     * is created if missing (concurrent first failures on any node are all counted) and then locked for the update.
     */
    public Optional<Instant> count(TenantId tenant, String kind, String subject, Limits limits, Instant now) {
        String key = key(subject);
        return counted(tenant, kind, key, rows.lock(tenant, kind, key, now), limits, now);
    }

    /**
     * Reserves an attempt under the row's lock: while the subject is locked nothing is counted and the attempt is to
     * be refused; otherwise it counts as a failure before the secret is checked, so concurrent attempts cannot all
     * pass a check made before any of them failed. A right secret clears the count ({@link #clear}).
     */
    public Reservation reserve(TenantId tenant, String kind, String subject, Limits limits, Instant now) {
        String key = key(subject);
        FailureCountRepository.Counted r = rows.lock(tenant, kind, key, now);
        if (r.lockedUntil().filter(now::isBefore).isPresent()) {
            return new Reservation(true, Optional.empty());
        }
        return new Reservation(false, counted(tenant, kind, key, r, limits, now));
    }

    private Optional<Instant> counted(TenantId tenant, String kind, String key, FailureCountRepository.Counted r,
                                      Limits limits, Instant now) {
        boolean fresh = r.firstFailure().plus(limits.window()).isBefore(now);
        int failures = (fresh ? 0 : r.failures()) + 1;
        int lockouts = r.lockouts();
        Optional<Instant> lock = Optional.empty();
        if (failures >= limits.maxFailures()) {
            Duration length = limits.lockout().multipliedBy(1L << Math.min(lockouts, 20));
            lock = Optional.of(now.plus(length.compareTo(limits.maxLockout()) > 0 ? limits.maxLockout() : length));
            failures = 0;
            fresh = true;
            lockouts++;
        }
        rows.update(tenant, kind, key, new FailureCountRepository.Counted(failures, fresh ? now : r.firstFailure(),
                lock.or(r::lockedUntil), lockouts), now);
        return lock;
    }

    /** Forgets the subject's failures and locks. */
    public void clear(TenantId tenant, String kind, String subject) {
        rows.delete(tenant, kind, key(subject));
    }

    /** Forgets the subject's failures and locks of every kind; answers whether there were any. */
    public boolean clearAll(TenantId tenant, String subject) {
        return rows.deleteAll(tenant, key(subject)) > 0;
    }

    /** The tenant's rows (of one subject, if given), most recently changed first, at most {@code limit}. */
    public List<Row> list(TenantId tenant, Optional<String> subject, int limit) {
        return rows.list(tenant, subject.map(FailureCounts::key), limit);
    }

    /** Subjects are kept as the admin API looks them up: trimmed, lower case, at most the column's 320 characters. */
    public static String key(String subject) {
        String s = subject == null ? "" : subject.trim().toLowerCase(Locale.ROOT);
        return s.length() > 320 ? s.substring(0, 320) : s;
    }
}
