package dev.gatehouse.it.incontainer;

import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.oauth2.authorize.LogoutRequest;
import dev.gatehouse.oauth2.authorize.LogoutRequestRepository;
import dev.gatehouse.platform.db.DatabaseMigrator;
import dev.gatehouse.platform.db.ExpiredRowsCleanup;
import dev.gatehouse.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In-container: the real WAR's CDI beans, EJB singletons and JPA, deployed next to the running app with
 * this test class added.
 */
@ExtendWith({ItServerReady.class, ArquillianExtension.class})
class PlatformInContainerIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(ZipImporter.class, "gatehouse-incontainer.war")
                .importFrom(new File("target/gatehouse.war"))
                .as(WebArchive.class)
                .addClasses(PlatformInContainerIT.class, Recorder.class)
                .addPackage(ItServerReady.class.getPackage());
    }

    /** Observes security events like the audit log will. */
    @ApplicationScoped
    public static class Recorder {
        private final List<SecurityEvent> seen = new CopyOnWriteArrayList<>();

        void on(@Observes SecurityEvent e) {
            seen.add(e);
        }

        List<SecurityEvent> seen() {
            return seen;
        }
    }

    @Inject
    DatabaseMigrator migrator;
    @Inject
    TenantRepository tenants;
    @Inject
    SecurityEvents events;
    @Inject
    Recorder recorder;
    @Inject
    UserTransaction tx;
    @Inject
    LogoutRequestRepository logoutRequests;
    @Inject
    ExpiredRowsCleanup cleanup;
    @jakarta.annotation.Resource(lookup = "jdbc/gatehouse")
    javax.sql.DataSource dataSource;

    private void awaitMigrated() throws InterruptedException {
        for (int i = 0; i < 120 && !migrator.isMigrated(); i++) {
            Thread.sleep(250);
        }
        assertTrue(migrator.isMigrated(), "migrations applied in this deployment");
    }

    @Test
    void migratorWhenDeployedThenSchemaAtCurrentVersion() throws InterruptedException {
        awaitMigrated();

        assertTrue(migrator.schemaVersion().matches("\\d+"), migrator.schemaVersion());
        var info = org.flywaydb.core.Flyway.configure(getClass().getClassLoader()).dataSource(dataSource)
                .locations("classpath:db/migration").placeholders(DatabaseMigrator.placeholders(databaseKind())).load().info();
        assertEquals(0, info.pending().length, "no migration left to apply");
        assertEquals(info.current().getVersion().getVersion(), migrator.schemaVersion());
    }

    private dev.gatehouse.platform.db.DatabaseConfig.Kind databaseKind() {
        try (var c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")
                    ? dev.gatehouse.platform.db.DatabaseConfig.Kind.POSTGRESQL : dev.gatehouse.platform.db.DatabaseConfig.Kind.EMBEDDED;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void repositoryWhenInjectedThenFindsDefaultTenant() throws Exception {
        awaitMigrated();
        tx.begin();
        try {
            assertEquals("Default", tenants.find(TenantId.DEFAULT).orElseThrow().displayName());
        } finally {
            tx.rollback();
        }
    }

    private static LogoutRequest logoutRequest(String challengeHash, Instant expiresAt) {
        return new LogoutRequest(UUID.randomUUID(), TenantId.DEFAULT, challengeHash, Optional.empty(), "csrf-hash",
                LogoutRequest.Status.REQUESTED, Optional.of("cleanup-subject"), Optional.empty(), Optional.empty(), false, false,
                Optional.empty(), Optional.empty(), "http://localhost/oauth2/sessions/logout", expiresAt);
    }

    @Test
    void cleanupWhenLogoutRequestExpiredLongAgoThenDeletedAndALiveOneKept() throws Exception {
        awaitMigrated();
        String old = UUID.randomUUID().toString().replace("-", "");
        String live = UUID.randomUUID().toString().replace("-", "");
        tx.begin();
        logoutRequests.insert(logoutRequest(old, Instant.now().minus(Duration.ofDays(3))));
        logoutRequests.insert(logoutRequest(live, Instant.now().plus(Duration.ofMinutes(10))));
        tx.commit();

        assertTrue(cleanup.runOnce() >= 1, "at least the old request was deleted");

        tx.begin();
        try {
            assertTrue(logoutRequests.findByChallenge(TenantId.DEFAULT, old).isEmpty(), "expired past the grace: gone");
            assertTrue(logoutRequests.findByChallenge(TenantId.DEFAULT, live).isPresent(), "still valid: kept");
        } finally {
            tx.rollback();
        }
    }

    @Test
    void securityEventWhenFiredThenObserversReceiveItWithDetails() {
        events.fire(SecurityEvent.of(SecurityEventType.ADMIN_CHANGE, Outcome.SUCCESS)
                .actor("in-container-test").subject("s-1").detail("what", "test"));

        SecurityEvent e = recorder.seen().stream().filter(x -> "in-container-test".equals(x.actor())).findFirst().orElseThrow();
        assertEquals("s-1", e.subject());
        assertEquals("test", e.details().get("what"));
        assertTrue(e.occurredAt() != null);
    }

    /**
     * Clean-up per table, below: rows are written with SQL so their timestamps can lie in the past; the sweep runs in
     * batches smaller than the rows to delete, so every sweep needs several.
     */
    private static final int BATCH = 2;
    private static final Instant NOW = Instant.now();
    private static final Instant LONG_AGO = NOW.minus(Duration.ofDays(3));
    private static final Instant WITHIN_GRACE = NOW.minus(Duration.ofHours(1));
    private static final Instant LATER = NOW.plus(Duration.ofHours(1));

    @Test
    void cleanupWhenSelfServiceFlowsExpiredPastGraceThenAllDeletedInBatchesAndOthersKept() throws Exception {
        awaitMigrated();
        UUID[] old = {flow(LONG_AGO), flow(LONG_AGO), flow(LONG_AGO)};
        UUID recent = flow(WITHIN_GRACE);
        UUID live = flow(LATER);

        cleanup.runOnce(BATCH);

        for (UUID id : old) {
            assertFalse(exists("selfservice_flow", id), "expired past the grace: gone");
        }
        assertTrue(exists("selfservice_flow", recent), "expired within the grace: kept, so a late submission hears 'expired'");
        assertTrue(exists("selfservice_flow", live), "still valid: kept");
    }

    @Test
    void cleanupWhenSessionsExpiredPastGraceThenAllDeletedInBatchesAndOthersKept() throws Exception {
        awaitMigrated();
        UUID identity = identity();
        UUID[] old = {session(identity, LONG_AGO, true), session(identity, LONG_AGO, true), session(identity, LONG_AGO, false)};
        UUID recent = session(identity, WITHIN_GRACE, true);
        UUID live = session(identity, LATER, true);
        UUID revokedButUnexpired = session(identity, LATER, false);

        cleanup.runOnce(BATCH);

        for (UUID id : old) {
            assertFalse(exists("identity_session", id), "expired past the grace: gone");
        }
        assertTrue(exists("identity_session", recent), "expired within the grace: kept");
        assertTrue(exists("identity_session", live), "active: kept");
        assertTrue(exists("identity_session", revokedButUnexpired), "revoked, not yet expired: still listed as inactive");
    }

    @Test
    void cleanupWhenCodesExpiredAndTheirFlowGoneThenDeletedButCodesOfALiveFlowKept() throws Exception {
        awaitMigrated();
        UUID goneFlow = UUID.randomUUID();
        UUID expiredFlow = flow(LONG_AGO);
        UUID liveFlow = flow(LATER);
        UUID[] old = {code(goneFlow, LONG_AGO), code(goneFlow, LONG_AGO), code(expiredFlow, LONG_AGO)};
        UUID expiredOfLiveFlow = code(liveFlow, LONG_AGO);
        UUID recent = code(goneFlow, WITHIN_GRACE);
        UUID current = code(liveFlow, LATER);

        cleanup.runOnce(BATCH);

        for (UUID id : old) {
            assertFalse(exists("one_time_code", id), "expired past the grace, flow gone or expired: gone");
        }
        assertTrue(exists("one_time_code", expiredOfLiveFlow), "its flow lives: it still counts the flow's wrong tries");
        assertTrue(exists("one_time_code", recent), "expired within the grace: kept");
        assertTrue(exists("one_time_code", current), "unexpired: kept");
    }

    @Test
    void cleanupWhenThrottleWindowAndLockPassedLongAgoThenRowsDeletedAndActiveOnesKept() throws Exception {
        awaitMigrated();
        String[] old = {throttle(LONG_AGO, null), throttle(LONG_AGO, null), throttle(LONG_AGO, LONG_AGO.plusSeconds(60))};
        String locked = throttle(LONG_AGO, LATER);
        String counting = throttle(NOW, null);
        String lockEndedWithinGrace = throttle(WITHIN_GRACE.minusSeconds(60), WITHIN_GRACE);

        cleanup.runOnce(BATCH);

        for (String subject : old) {
            assertFalse(throttleExists(subject), "window and lock over long ago: gone");
        }
        assertTrue(throttleExists(locked), "still locked: kept");
        assertTrue(throttleExists(counting), "failures still counted in the window: kept");
        assertTrue(throttleExists(lockEndedWithinGrace), "lock ended within the grace: kept, so the next lock doubles");
    }

    @Test
    void cleanupWhenMessagesSentOrAbandonedLongerAgoThanRetentionThenDeletedAndOthersKept() throws Exception {
        awaitMigrated();
        Instant beyondRetention = NOW.minus(Duration.ofDays(8));
        UUID[] old = {message("sent", beyondRetention), message("sent", beyondRetention), message("abandoned", beyondRetention)};
        UUID sentYesterday = message("sent", NOW.minus(Duration.ofDays(1)));
        UUID queuedLongAgo = message("queued", beyondRetention);

        cleanup.runOnce(BATCH);

        for (UUID id : old) {
            assertFalse(exists("courier_message", id), "done longer ago than the retention: gone");
        }
        assertTrue(exists("courier_message", sentYesterday), "within the retention: kept");
        assertTrue(exists("courier_message", queuedLongAgo), "not sent yet: never deleted");
    }

    @Test
    void cleanupWhenRememberedLoginSessionsExpiredPastGraceThenDeletedAndOthersKept() throws Exception {
        awaitMigrated();
        UUID[] old = {loginSession(LONG_AGO), loginSession(LONG_AGO), loginSession(LONG_AGO)};
        UUID recent = loginSession(WITHIN_GRACE);
        UUID live = loginSession(LATER);
        UUID neverRemembered = loginSession(null);

        cleanup.runOnce(BATCH);

        for (UUID id : old) {
            assertFalse(exists("oauth2_login_session", id), "no longer remembered past the grace: gone");
        }
        assertTrue(exists("oauth2_login_session", recent), "expired within the grace: kept");
        assertTrue(exists("oauth2_login_session", live), "still remembered: kept");
        assertTrue(exists("oauth2_login_session", neverRemembered), "no expiry: kept");
    }

    @Test
    void cleanupWhenConsentsExpiredPastGraceAndTheirLoginSessionGoneThenDeletedAndOthersKept() throws Exception {
        awaitMigrated();
        UUID liveLogin = loginSession(LATER);
        UUID[] old = {consent(null, LONG_AGO), consent(UUID.randomUUID(), LONG_AGO), consent(UUID.randomUUID(), LONG_AGO)};
        UUID ofLiveLogin = consent(liveLogin, LONG_AGO);
        UUID recent = consent(null, WITHIN_GRACE);
        UUID remembered = consent(null, LATER);

        cleanup.runOnce(BATCH);

        for (UUID id : old) {
            assertFalse(exists("oauth2_consent_session", id), "no longer remembered past the grace, login session gone: gone");
        }
        assertTrue(exists("oauth2_consent_session", ofLiveLogin), "its login session lives: a logout must still reach the client");
        assertTrue(exists("oauth2_consent_session", recent), "expired within the grace: kept");
        assertTrue(exists("oauth2_consent_session", remembered), "still remembered: kept");
    }

    private UUID loginSession(Instant expiresAt) throws SQLException {
        UUID id = UUID.randomUUID();
        Instant at = expiresAt == null ? NOW : expiresAt.minus(Duration.ofDays(1));
        update("INSERT INTO oauth2_login_session (id, tenant_id, subject, cookie_hash, remember, active, authenticated_at,"
                        + " expires_at, updated_at) VALUES (?, 'default', 'cleanup-subject', ?, ?, true, ?, ?, ?)",
                id, UUID.randomUUID().toString(), expiresAt != null, ts(at), expiresAt == null ? null : ts(expiresAt), ts(at));
        return id;
    }

    private UUID consent(UUID loginSession, Instant expiresAt) throws SQLException {
        UUID id = UUID.randomUUID();
        Timestamp handled = ts(expiresAt.minus(Duration.ofDays(1)));
        update("INSERT INTO oauth2_consent_session (id, tenant_id, subject, client_id, login_session_id, requested_scope,"
                        + " requested_audience, granted_scope, granted_audience, remember, remember_for, session_id_token,"
                        + " session_access_token, request_url, handled_at, expires_at, active) VALUES (?, 'default',"
                        + " 'cleanup-subject', 'cleanup-client', ?, 'openid', '', 'openid', '', true, 86400, '{}', '{}',"
                        + " 'http://localhost/oauth2/auth', ?, ?, true)",
                id, loginSession == null ? null : loginSession.toString(), handled, ts(expiresAt));
        return id;
    }

    private UUID flow(Instant expiresAt) throws SQLException {
        UUID id = UUID.randomUUID();
        update("INSERT INTO selfservice_flow (id, tenant_id, kind, flavor, state, request_url, refresh, ui, issued_at,"
                        + " expires_at, updated_at) VALUES (?, 'default', 'LOGIN', 'API', 'choose_method', 'http://localhost/', false, '{}', ?, ?, ?)",
                id, ts(expiresAt.minus(Duration.ofHours(1))), ts(expiresAt), ts(expiresAt.minus(Duration.ofHours(1))));
        return id;
    }

    private UUID identity() throws SQLException {
        UUID id = UUID.randomUUID();
        update("INSERT INTO identity (id, tenant_id, schema_id, state, state_changed_at, traits, created_at, updated_at, version)"
                + " VALUES (?, 'default', 'default', 'active', ?, '{}', ?, ?, 0)", id, ts(NOW), ts(NOW), ts(NOW));
        return id;
    }

    private UUID session(UUID identity, Instant expiresAt, boolean active) throws SQLException {
        UUID id = UUID.randomUUID();
        Timestamp issued = ts(expiresAt.minus(Duration.ofHours(24)));
        update("INSERT INTO identity_session (id, tenant_id, identity_id, token_hash, active, aal, authentication_methods,"
                        + " issued_at, authenticated_at, expires_at, updated_at) VALUES (?, 'default', ?, ?, ?, 'aal1', '[]', ?, ?, ?, ?)",
                id, identity, UUID.randomUUID().toString(), active, issued, issued, ts(expiresAt), issued);
        return id;
    }

    private UUID code(UUID flow, Instant expiresAt) throws SQLException {
        UUID id = UUID.randomUUID();
        update("INSERT INTO one_time_code (id, tenant_id, flow_id, purpose, address, code_hash, attempts, expires_at, created_at)"
                        + " VALUES (?, 'default', ?, 'login', 'cleanup@example.test', ?, 0, ?, ?)",
                id, flow.toString(), UUID.randomUUID().toString(), ts(expiresAt), ts(expiresAt.minus(Duration.ofMinutes(15))));
        return id;
    }

    private String throttle(Instant firstFailure, Instant lockedUntil) throws SQLException {
        String subject = "cleanup-" + UUID.randomUUID() + "@example.test";
        update("INSERT INTO login_throttle (tenant_id, subject_kind, subject, failures, first_failure, locked_until, lockouts,"
                        + " updated_at) VALUES ('default', 'IDENTIFIER', ?, 1, ?, ?, ?, ?)",
                subject, ts(firstFailure), lockedUntil == null ? null : ts(lockedUntil), lockedUntil == null ? 0 : 1, ts(firstFailure));
        return subject;
    }

    private UUID message(String status, Instant updatedAt) throws SQLException {
        UUID id = UUID.randomUUID();
        update("INSERT INTO courier_message (id, tenant_id, template, recipient, locale, subject, body_text, body_html, status,"
                        + " send_count, next_attempt_at, created_at, updated_at, sent_at) VALUES (?, 'default', 'login_code_valid',"
                        + " 'cleanup@example.test', 'en', 'Your code', 'text', '<p>html</p>', ?, 1, ?, ?, ?, ?)",
                id, status, ts(updatedAt), ts(updatedAt), ts(updatedAt), "sent".equals(status) ? ts(updatedAt) : null);
        return id;
    }

    private boolean exists(String table, UUID id) throws SQLException {
        return count("SELECT COUNT(*) FROM " + table + " WHERE id = ?", id) == 1;
    }

    private boolean throttleExists(String subject) throws SQLException {
        return count("SELECT COUNT(*) FROM login_throttle WHERE tenant_id = 'default' AND subject = ?", subject) == 1;
    }

    private int count(String sql, Object parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setObject(1, parameter);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                p.setObject(i + 1, parameters[i]);
            }
            p.executeUpdate();
        }
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}
