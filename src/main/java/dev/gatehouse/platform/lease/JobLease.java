package dev.gatehouse.platform.lease;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One job's lease as this node's job takes it: the job calls {@link #claim()} in the transaction that starts each
 * step, {@link #renew()} in the one that commits it (so a node whose lease another node took meanwhile commits
 * nothing), and {@link #release()} when its run ends. The holder is this node's job: its host name and a random id
 * chosen when the job starts, so two nodes on one host, or a restarted node, are different holders.
 * <p>
 * The length must outlast one step with its slow part; if a step takes longer, another node may start the same step
 * meanwhile. A node that dies holding the lease delays the job by at most the length.
 */
public final class JobLease {

    private final JobLeases store;
    private final String job;
    private final Duration length;
    private final Clock clock;
    private final String holder;

    /** @param job the lease's name, e.g. {@code audit-retention} (at most 64 characters) */
    public JobLease(JobLeases store, String job, Duration length, Clock clock) {
        if (job.isEmpty() || job.length() > 64) {
            throw new IllegalArgumentException("a job lease's name has 1 to 64 characters: " + job);
        }
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("a job lease lasts longer than zero: " + length);
        }
        this.store = Objects.requireNonNull(store);
        this.job = job;
        this.length = length;
        this.clock = Objects.requireNonNull(clock);
        this.holder = host() + "/" + UUID.randomUUID();
    }

    /**
     * Takes the lease, or renews it, for its length from now; false when another node holds it. In the caller's
     * transaction.
     */
    public boolean claim() {
        Instant now = clock.instant();
        return store.claim(job, holder, now, now.plus(length));
    }

    /**
     * Extends the lease for its length from now if no other node has claimed it since this node did; false if one
     * has, and then the step begun under the lease must not be committed. In the caller's transaction.
     */
    public boolean renew() {
        return store.renew(job, holder, clock.instant().plus(length));
    }

    /** Lets another node take the lease at once; nothing when this node no longer holds it. In the caller's transaction. */
    public void release() {
        store.release(job, holder, clock.instant());
    }

    /** Who holds the lease when this node's job does (for logs). */
    public String holder() {
        return holder;
    }

    private static String host() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.length() > 100 ? name.substring(0, 100) : name;
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
