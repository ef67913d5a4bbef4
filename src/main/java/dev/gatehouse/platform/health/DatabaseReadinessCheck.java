package dev.gatehouse.platform.health;

import dev.gatehouse.platform.db.DatabaseMigrator;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Ready when the database answers and the migrations have been applied. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    @Resource(lookup = "jdbc/gatehouse")
    DataSource dataSource;
    @Inject
    DatabaseMigrator migrator;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder r = HealthCheckResponse.named("database");
        boolean reachable;
        try (Connection c = dataSource.getConnection()) {
            reachable = c.isValid(3);
            r.withData("product", c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            reachable = false;
        }
        boolean migrated = migrator.isMigrated();
        r.withData("reachable", reachable).withData("migrated", migrated);
        if (migrated) {
            r.withData("schema_version", migrator.schemaVersion());
        }
        return r.status(reachable && migrated).build();
    }
}
