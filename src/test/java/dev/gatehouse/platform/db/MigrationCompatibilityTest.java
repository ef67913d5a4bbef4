package dev.gatehouse.platform.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Migrations stay backward compatible for one release (docs/operations.md#upgrades): every migration after the
 * newest release recorded in {@code db/releases.properties} only expands the schema, unless it is named
 * {@code V<n>__contract_<what>.sql}; so the previous release's nodes keep running while the new release's first
 * node migrates the database under them.
 */
class MigrationCompatibilityTest {

    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__(.+)\\.sql");
    private static final Path DB = Path.of("db");

    @Test
    void migrationsWhenAfterTheLatestReleaseThenOnlyExpandTheSchema() throws IOException {
        int released = Releases.latest().lastMigration();
        StringBuilder failures = new StringBuilder();
        migrations().forEach((version, file) -> {
            if (version > released && !isContract(file)) {
                ExpandOnly.violations(asPostgreSqlRunsIt(file)).forEach(v -> failures.append("\n  ").append(file.getFileName())
                        .append(": ").append(v));
            }
        });
        assertTrue(failures.isEmpty(), "migrations after release " + Releases.latest().name() + " (V" + released
                + ") must only expand the schema; a removal, rename or tightening goes in a later release's"
                + " V<n>__contract_<what>.sql once no node of the previous release runs:" + failures);
    }

    @Test
    void releasesWhenRecordedThenEachEndsAtAMigrationThatExists() throws IOException {
        Map<Integer, Path> migrations = migrations();
        List<Releases.Release> releases = Releases.read(DB.resolve("releases.properties"));
        assertFalse(releases.isEmpty());
        for (Releases.Release r : releases) {
            assertTrue(migrations.containsKey(r.lastMigration()), "release " + r.name() + ": no migration V" + r.lastMigration());
        }
    }

    /** The check on the real history: only the migrations known to contract are refused. */
    @Test
    void releasedMigrationsWhenCheckedThenOnlyTheKnownContractionsRefused() throws IOException {
        Map<String, List<String>> refused = new TreeMap<>();
        for (Path file : migrations().values()) {
            List<String> violations = ExpandOnly.violations(asPostgreSqlRunsIt(file));
            if (!violations.isEmpty()) {
                refused.put(file.getFileName().toString(), violations);
            }
        }
        // V13 widened a column's type; V22 revokes privileges in a DO block: both would need a contract release now
        assertEquals(List.of("V13__oauth2_client_slow_secret_hash.sql", "V22__audit_append_only.sql"),
                List.copyOf(refused.keySet()), refused.toString());
    }

    @Test
    void expandWhenItAddsTablesColumnsIndexesAndRowsThenAccepted() {
        assertEquals(List.of(), ExpandOnly.violations("""
                CREATE TABLE device_grant (
                    id        VARCHAR(36) NOT NULL PRIMARY KEY,
                    tenant_id VARCHAR(63) NOT NULL REFERENCES tenant (id),
                    issued_at TIMESTAMP WITH TIME ZONE NOT NULL
                );
                CREATE INDEX device_grant_tenant ON device_grant (tenant_id, issued_at);
                ALTER TABLE identity_credential ADD COLUMN label VARCHAR(64);
                ALTER TABLE courier_message ADD COLUMN priority INTEGER DEFAULT 0 NOT NULL;
                ALTER TABLE courier_message ADD CONSTRAINT courier_message_priority CHECK (priority >= 0);
                ALTER TABLE session ALTER COLUMN aal SET DEFAULT 'aal1';
                ALTER TABLE session ALTER COLUMN aal DROP NOT NULL;
                UPDATE identity_credential SET label = 'password' WHERE label IS NULL;
                INSERT INTO tenant_setting (tenant_id, name, setting_value, updated_at) VALUES ('default', 'x', 'y', now());
                CREATE FUNCTION device_grant_count() RETURNS BIGINT LANGUAGE sql AS $$ SELECT count(*) FROM device_grant $$;
                COMMENT ON TABLE device_grant IS 'device authorization grants';
                """));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ALTER TABLE identity_credential DROP COLUMN last_used_at",
            "DROP TABLE audit_alert",
            "DROP INDEX oauth2_token_expiry",
            "ALTER TABLE courier_message DROP CONSTRAINT courier_message_channel",
            "ALTER TABLE session RENAME COLUMN aal TO assurance",
            "ALTER TABLE session RENAME TO login_session",
            "ALTER TABLE oauth2_client ALTER COLUMN secret_hash TYPE VARCHAR(512)",
            "ALTER TABLE oauth2_client ALTER COLUMN secret_hash SET DATA TYPE VARCHAR(512)",
            "ALTER TABLE identity_credential ALTER COLUMN last_used_at SET NOT NULL",
            "ALTER TABLE courier_message ALTER COLUMN channel DROP DEFAULT",
            "ALTER TABLE identity_credential ADD COLUMN label VARCHAR(64) NOT NULL",
            "ALTER TABLE identity_credential ADD COLUMN label VARCHAR(64), DROP COLUMN last_used_at",
            "TRUNCATE audit_saved_search",
            "DELETE FROM tenant_setting",
            "REVOKE SELECT ON audit_event FROM PUBLIC",
            "CREATE OR REPLACE FUNCTION audit_prune(p_tenant VARCHAR, p_through BIGINT) RETURNS INTEGER LANGUAGE sql AS $$ SELECT 0 $$",
            "DO $$ BEGIN EXECUTE 'ALTER TABLE session DROP COLUMN aal'; END $$",
    })
    void expandWhenAStatementRemovesRenamesOrTightensThenRefused(String statement) {
        String migration = "CREATE INDEX identity_credential_used ON identity_credential (last_used_at);\n" + statement + ";\n";
        List<String> violations = ExpandOnly.violations(migration);
        assertEquals(1, violations.size(), violations.toString());
    }

    private static boolean isContract(Path file) {
        return file.getFileName().toString().matches("V\\d+__contract_.*\\.sql");
    }

    /** The migration's text as Flyway hands it to PostgreSQL (DatabaseMigrator's placeholders). */
    private static String asPostgreSqlRunsIt(Path file) {
        try {
            String sql = Files.readString(file);
            for (Map.Entry<String, String> p : DatabaseMigrator.placeholders(DatabaseConfig.Kind.POSTGRESQL).entrySet()) {
                sql = sql.replace("${" + p.getKey() + "}", p.getValue());
            }
            return sql;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The versioned migrations in {@code db/} by version. */
    private static Map<Integer, Path> migrations() throws IOException {
        Map<Integer, Path> byVersion = new TreeMap<>();
        try (var files = Files.list(DB)) {
            files.forEach(f -> {
                Matcher m = MIGRATION.matcher(f.getFileName().toString());
                if (m.matches()) {
                    byVersion.put(Integer.parseInt(m.group(1)), f);
                }
            });
        }
        return byVersion;
    }
}
