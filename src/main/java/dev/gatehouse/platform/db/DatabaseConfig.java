package dev.gatehouse.platform.db;

import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.ConfigReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;

/**
 * {@code gatehouse.db.*} as the application sees it. Which database and its URL are Liberty variables
 * (server.xml, {@code GATEHOUSE_DB_KIND}, {@code GATEHOUSE_DB_URL}); here are the behaviours around it.
 */
@ApplicationScoped
public class DatabaseConfig implements CapabilityConfig {

    /** The database kinds the data source can be switched between. */
    public enum Kind { EMBEDDED, POSTGRESQL }

    private Kind kind;
    private Duration migrationRetry;

    protected DatabaseConfig() {
    }

    @Inject
    public DatabaseConfig(Config config) {
        ConfigReader r = ConfigReader.of(config, capability());
        this.kind = r.oneOf("kind", Kind.class);
        this.migrationRetry = r.duration("migration-retry");
    }

    @Override
    public String capability() {
        return "db";
    }

    public Kind kind() {
        return kind;
    }

    /** How often start-up retries the migrations while the database is unreachable. */
    public Duration migrationRetry() {
        return migrationRetry;
    }
}
