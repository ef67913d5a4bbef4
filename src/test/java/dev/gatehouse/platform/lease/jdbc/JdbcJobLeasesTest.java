package dev.gatehouse.platform.lease.jdbc;

import dev.gatehouse.kernel.MovableClock;
import dev.gatehouse.platform.db.MigratedEmbeddedDatabase;
import dev.gatehouse.platform.lease.JobLease;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Job leases on the embedded database, migrated as the server migrates it: two {@link JobLease}s of one job stand
 * for the job on two nodes. (PostgreSQL, with nodes claiming at once, is MultiNodeIT's part.)
 */
class JdbcJobLeasesTest {

    private static final Duration LENGTH = Duration.ofMinutes(5);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private DataSource db;
    private JdbcJobLeases leases;

    @BeforeEach
    void migrate() {
        db = MigratedEmbeddedDatabase.fresh();
        leases = new JdbcJobLeases(db);
    }

    private JobLease node(String job) {
        return new JobLease(leases, job, LENGTH, clock);
    }

    @Test
    void claimWhenNoRowYetThenFirstNodeGetsItAndSecondIsRefused() throws SQLException {
        JobLease a = node("retention");
        JobLease b = node("retention");

        assertTrue(a.claim());
        assertFalse(b.claim());
        assertEquals(a.holder(), holder("retention"));
        assertEquals(clock.now.plus(LENGTH), expiresAt("retention"));
    }

    @Test
    void claimWhenHolderClaimsAgainThenRenewedFromNow() throws SQLException {
        JobLease a = node("retention");
        JobLease b = node("retention");
        assertTrue(a.claim());

        clock.advance(LENGTH.minusSeconds(1));
        assertTrue(a.claim());
        clock.advance(Duration.ofSeconds(2));

        assertFalse(b.claim(), "renewed: still held after the first claim's length");
        assertEquals(clock.now.minusSeconds(2).plus(LENGTH), expiresAt("retention"));
    }

    @Test
    void claimWhenLeaseExpiredThenAnotherNodeTakesItAndTheFirstCannotRenew() throws SQLException {
        JobLease a = node("retention");
        JobLease b = node("retention");
        assertTrue(a.claim());

        clock.advance(LENGTH);
        assertTrue(b.claim());

        assertFalse(a.claim(), "the node whose lease ran out finds it taken");
        assertEquals(b.holder(), holder("retention"));
    }

    @Test
    void renewWhenNobodyClaimedSinceThenExtendedEvenAfterItExpired() throws SQLException {
        JobLease a = node("retention");
        assertTrue(a.claim());
        clock.advance(LENGTH.plusMinutes(1));

        assertTrue(a.renew());

        assertEquals(clock.now.plus(LENGTH), expiresAt("retention"));
    }

    @Test
    void renewWhenAnotherNodeClaimedSinceThenRefusedThoughItReleasedAgain() {
        JobLease a = node("retention");
        JobLease b = node("retention");
        assertTrue(a.claim());
        clock.advance(LENGTH);
        assertTrue(b.claim());
        b.release();

        assertFalse(a.renew(), "what a began under its first claim may no longer be committed");
        assertTrue(a.claim(), "a free lease may be claimed again for a new step");
    }

    @Test
    void renewWhenNeverClaimedThenRefused() {
        assertFalse(node("retention").renew());
    }

    @Test
    void releaseWhenHeldThenAnotherNodeTakesItAtOnce() {
        JobLease a = node("retention");
        JobLease b = node("retention");
        assertTrue(a.claim());

        a.release();

        assertTrue(b.claim());
    }

    @Test
    void releaseWhenAnotherNodeHoldsItThenItsLeaseStays() throws SQLException {
        JobLease a = node("retention");
        JobLease b = node("retention");
        assertTrue(a.claim());
        clock.advance(LENGTH);
        assertTrue(b.claim());

        a.release();

        assertEquals(b.holder(), holder("retention"));
        assertEquals(clock.now.plus(LENGTH), expiresAt("retention"));
    }

    @Test
    void claimWhenOtherJobHeldThenEachJobHasItsOwnLease() {
        assertTrue(node("retention").claim());

        assertTrue(node("report").claim());
    }

    @Test
    void leaseWhenTwoStartedThenHoldersDiffer() {
        assertNotEquals(node("retention").holder(), node("retention").holder());
    }

    @Test
    void leaseWhenNameTooLongOrLengthNotPositiveThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> new JobLease(leases, "j".repeat(65), LENGTH, clock));
        assertThrows(IllegalArgumentException.class, () -> new JobLease(leases, "retention", Duration.ZERO, clock));
    }

    private String holder(String job) throws SQLException {
        return column("holder", job, String.class);
    }

    private Instant expiresAt(String job) throws SQLException {
        return column("expires_at", job, java.time.OffsetDateTime.class).toInstant();
    }

    private <T> T column(String name, String job, Class<T> type) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + name + " FROM job_lease WHERE name = ?")) {
            ps.setString(1, job);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "no lease row for " + job);
                return rs.getObject(1, type);
            }
        }
    }
}
