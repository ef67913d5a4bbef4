package dev.gatehouse.platform.db;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.util.UUID;

/** Fixture: a fresh in-memory embedded database (H2 as the server runs it), migrated as the server migrates it. */
public final class MigratedEmbeddedDatabase {

    private MigratedEmbeddedDatabase() {
    }

    /** A new database of its own; every connection from it is in auto-commit. */
    public static DataSource fresh() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:test-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        db.setUser("sa");
        Flyway.configure().dataSource(db).locations("classpath:db/migration")
                .placeholders(DatabaseMigrator.placeholders(DatabaseConfig.Kind.EMBEDDED)).load().migrate();
        return db;
    }
}
