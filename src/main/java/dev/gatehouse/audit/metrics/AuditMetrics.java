package dev.gatehouse.audit.metrics;

import java.time.Instant;
import java.util.List;

/**
 * Figures read from a tenant's audit rows within {@code [from, to)}. Every method runs in the caller's transaction and
 * answers at most {@link #MAX_GROUPS} groups.
 */
public interface AuditMetrics {

    int MAX_GROUPS = 1000;

    /** How the time to verification is grouped. */
    enum Grouping {
        /** One group per device class of the registration. */
        DEVICE_CLASS,
        /** One group, {@code all}. */
        NONE
    }

    /**
     * The identities that registered in one group: how many, how many verified an address since, and the 50th and
     * 95th percentile of the seconds from registration to the first verification (null when none verified).
     */
    record TimeToVerification(String group, long registered, long verified, Double p50Seconds, Double p95Seconds) {
    }

    /** Failed verifications from one device class and client ({@code null}: no client). */
    record FailedVerifications(String deviceClass, String clientId, long count) {
    }

    /** Registrations in the window and their first {@code verification_succeeded} row after them, grouped. */
    List<TimeToVerification> timeToVerification(String tenant, Instant from, Instant to, Grouping grouping);

    /** {@code verification_failed} rows in the window by device class and client, most first. */
    List<FailedVerifications> failedVerifications(String tenant, Instant from, Instant to);
}
