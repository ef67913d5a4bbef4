package dev.gatehouse.it.audit;

import dev.gatehouse.platform.db.DatabaseConfig;
import dev.gatehouse.platform.db.DatabaseMigrator;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two-role deployment of docs/operations.md on PostgreSQL: an owner role runs the migrations, with default
 * privileges that would give the application role every right on new tables; the application role may then read
 * and append audit rows but not change, delete or truncate them, and may prune old rows only through
 * {@code audit_prune}. Needs no Liberty server; skipped when PostgreSQL is not reachable.
 */
class AuditAppendOnlyPostgresIT {

    private static final String HOST = env("GATEHOUSE_IT_PG_HOST", "127.0.0.1");
    private static final String PORT = env("GATEHOUSE_IT_PG_PORT", "5432");
    private static final String SUPERUSER = env("GATEHOUSE_IT_PG_USER", "postgres");
    private static final String SUPERUSER_PASSWORD = env("GATEHOUSE_IT_PG_PASSWORD", "");
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String OWNER = "gatehouse_owner_" + SUFFIX;
    private static final String APP = "gatehouse_app_" + SUFFIX;
    private static final String DATABASE = "gatehouse_it_" + Instant.now().getEpochSecond() + "_roles_" + SUFFIX;
    private static final String OWNER_PASSWORD = "owner-" + UUID.randomUUID();
    private static final String APP_PASSWORD = "app-" + UUID.randomUUID();
    private static boolean reachable;

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database + "?connectTimeout=3";
    }

    @BeforeAll
    static void twoRoles() throws SQLException {
        try (Connection c = DriverManager.getConnection(url(env("GATEHOUSE_IT_PG_DATABASE", "postgres")), SUPERUSER, SUPERUSER_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + OWNER_PASSWORD + "'");
            s.execute("CREATE ROLE " + APP + " LOGIN PASSWORD '" + APP_PASSWORD + "'");
            s.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
            reachable = true;
        } catch (SQLException e) {
            System.out.println("[gatehouse-it] *** PostgreSQL NOT reachable or no superuser — audit grant test SKIPPED ***");
            return;
        }
        try (Connection c = DriverManager.getConnection(url(DATABASE), OWNER, OWNER_PASSWORD); Statement s = c.createStatement()) {
            // what an operator typically grants: everything on whatever the owner creates
            s.execute("GRANT USAGE ON SCHEMA public TO " + APP);
            s.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO " + APP);
            s.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO " + APP);
        }
        Flyway.configure().dataSource(url(DATABASE), OWNER, OWNER_PASSWORD).locations("classpath:db/migration")
                .placeholders(DatabaseMigrator.placeholders(DatabaseConfig.Kind.POSTGRESQL)).load().migrate();
    }

    @AfterAll
    static void drop() throws SQLException {
        if (!reachable) {
            return;
        }
        try (Connection c = DriverManager.getConnection(url(env("GATEHOUSE_IT_PG_DATABASE", "postgres")), SUPERUSER, SUPERUSER_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("DROP ROLE IF EXISTS " + APP);
            s.execute("DROP ROLE IF EXISTS " + OWNER);
        }
    }

    private static Connection app() throws SQLException {
        org.junit.jupiter.api.Assumptions.assumeTrue(reachable, "PostgreSQL not reachable");
        return DriverManager.getConnection(url(DATABASE), APP, APP_PASSWORD);
    }

    private static void insertRow(Connection c, String tenant, long seq, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_event (tenant_id, seq, occurred_at, recorded_at,"
                + " event_type, action, actor_type, result, details, hash) VALUES (?, ?, ?, ?, 'login', 'login', 'system',"
                + " 'success', '{}', ?)")) {
            ps.setString(1, tenant);
            ps.setLong(2, seq);
            ps.setObject(3, at.atOffset(ZoneOffset.UTC));
            ps.setObject(4, at.atOffset(ZoneOffset.UTC));
            ps.setString(5, String.format("%064d", seq));
            ps.executeUpdate();
        }
    }

    private static String sqlState(Executable e) {
        return assertThrows(SQLException.class, e::run).getSQLState();
    }

    @FunctionalInterface
    private interface Executable {
        void run() throws SQLException;
    }

    @Test
    void appRoleWhenAppendingThenAllowed() throws SQLException {
        try (Connection c = app(); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("INSERT INTO audit_outbox (tenant_id, occurred_at, entry) VALUES ('t', now(), '{}')"));
            insertRow(c, "append", 1, Instant.now());
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM audit_event WHERE tenant_id = 'append'")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
            assertEquals(1, s.executeUpdate("DELETE FROM audit_outbox WHERE tenant_id = 't'"), "the outbox is the app's to empty");
        }
    }

    @Test
    void appRoleWhenChangingOrRemovingAuditRowsThenRefusedByTheDatabase() throws SQLException {
        try (Connection c = app(); Statement s = c.createStatement()) {
            insertRow(c, "refuse", 1, Instant.now());
            assertEquals("42501", sqlState(() -> s.executeUpdate("UPDATE audit_event SET details = '{\"x\":\"1\"}' WHERE tenant_id = 'refuse'")));
            assertEquals("42501", sqlState(() -> s.executeUpdate("DELETE FROM audit_event WHERE tenant_id = 'refuse'")));
            assertEquals("42501", sqlState(() -> s.executeUpdate("TRUNCATE audit_event")));
            assertEquals("42501", sqlState(() -> s.executeUpdate("UPDATE audit_checkpoint SET last_seq = 0")));
            assertEquals("42501", sqlState(() -> s.executeUpdate("INSERT INTO audit_checkpoint VALUES ('refuse', 9, 'x', now())")));
            assertEquals("42501", sqlState(() -> s.executeUpdate("DELETE FROM audit_checkpoint")));
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM audit_event WHERE tenant_id = 'refuse'")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "the row is still there");
            }
        }
    }

    @Test
    void appRoleWhenPruningThroughTheFunctionThenOnlyRowsOlderThanADayGo() throws SQLException {
        Instant old = Instant.now().minus(Duration.ofDays(3));
        try (Connection c = app(); Statement s = c.createStatement()) {
            insertRow(c, "prune", 1, old);
            insertRow(c, "prune", 2, old.plusSeconds(1));
            insertRow(c, "prune", 3, Instant.now());

            assertEquals("P0001", sqlState(() -> s.executeQuery("SELECT audit_prune('prune', 3)")), "a recent row stays");
            try (ResultSet rs = s.executeQuery("SELECT audit_prune('prune', 2)")) {
                rs.next();
                assertEquals(2, rs.getInt(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT last_seq, last_hash FROM audit_checkpoint WHERE tenant_id = 'prune'")) {
                assertTrue(rs.next());
                assertEquals(2, rs.getLong(1));
                assertEquals(String.format("%064d", 2), rs.getString(2));
            }
            try (ResultSet rs = s.executeQuery("SELECT seq FROM audit_event WHERE tenant_id = 'prune'")) {
                assertTrue(rs.next());
                assertEquals(3, rs.getLong(1));
            }
        }
    }
}
