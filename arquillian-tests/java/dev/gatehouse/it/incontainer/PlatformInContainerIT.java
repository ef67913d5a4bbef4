package dev.gatehouse.it.incontainer;

import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.oauth2.authorize.LogoutRequest;
import dev.gatehouse.oauth2.authorize.LogoutRequestRepository;
import dev.gatehouse.oauth2.token.TokenCleanup;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.platform.db.DatabaseMigrator;
import dev.gatehouse.tenant.TenantId;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    TokenCleanup cleanup;
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
                .locations("classpath:db/migration").load().info();
        assertEquals(0, info.pending().length, "no migration left to apply");
        assertEquals(info.current().getVersion().getVersion(), migrator.schemaVersion());
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
}
