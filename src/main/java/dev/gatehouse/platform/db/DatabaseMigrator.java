package dev.gatehouse.platform.db;

import dev.gatehouse.kernel.log.Logs;

import dev.gatehouse.kernel.log.Redactor;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies the Flyway migrations in {@code db/} at start-up. When the database cannot be reached it says
 * so in one log line, keeps the application up but not ready, and retries on a timer until it succeeds;
 * repeated identical failures are not logged again. Several nodes may start at once: Flyway serialises
 * them with a database lock.
 */
@Startup
@Singleton
@DependsOn("StartupCheck")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrator {

    private static final Logger LOG = Logs.of(DatabaseMigrator.class);

    @Resource(lookup = "jdbc/gatehouse")
    DataSource dataSource;
    @Resource
    TimerService timers;
    @Inject
    DatabaseConfig config;
    @Inject
    Event<DatabaseMigrated> migrated;

    private volatile boolean done;
    private volatile String schemaVersion;
    private volatile String lastFailure;

    @PostConstruct
    void start() {
        if (!tryMigrate()) {
            long every = config.migrationRetry().toMillis();
            timers.createIntervalTimer(every, every, new TimerConfig("gatehouse-db-migration-retry", false));
        }
    }

    @Timeout
    void retry(Timer timer) {
        if (done || tryMigrate()) {
            timer.cancel();
        }
    }

    /** Whether the schema is at the version this build expects. */
    public boolean isMigrated() {
        return done;
    }

    public String schemaVersion() {
        return schemaVersion;
    }

    /** Why the last attempt failed, in one line fit for a health check; null when migrated. */
    public String lastFailure() {
        return done ? null : lastFailure;
    }

    private synchronized boolean tryMigrate() {
        if (done) {
            return true;
        }
        try {
            MigrateResult result = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            schemaVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion
                    : Flyway.configure(getClass().getClassLoader()).dataSource(dataSource)
                            .locations("classpath:db/migration").load().info().current().getVersion().getVersion();
            done = true;
            LOG.info("Database ready (" + config.kind().name().toLowerCase(java.util.Locale.ROOT) + "): schema version "
                    + schemaVersion + ", " + result.migrationsExecuted + " migration(s) applied now");
            migrated.fire(new DatabaseMigrated(schemaVersion));
            return true;
        } catch (RuntimeException e) {
            String reason = oneLine(e);
            if (!reason.equals(lastFailure)) {
                LOG.warning("Database not ready: " + reason + " — Gatehouse is not ready and will retry every "
                        + config.migrationRetry().toSeconds() + "s");
            } else {
                LOG.log(Level.FINE, "Database still not ready: {0}", reason);
            }
            lastFailure = reason;
            return false;
        }
    }

    /** The innermost useful message, redacted and without line breaks. */
    static String oneLine(Throwable e) {
        Throwable root = e;
        for (Throwable c = e; c != null; c = c.getCause()) {
            root = c;
            if (c instanceof SQLException) {
                break;
            }
        }
        String message = Objects.requireNonNullElse(root.getMessage(), root.getClass().getSimpleName());
        return Redactor.text(message.replaceAll("\\s+", " ").trim());
    }
}
