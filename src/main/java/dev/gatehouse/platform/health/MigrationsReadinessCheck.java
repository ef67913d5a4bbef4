package dev.gatehouse.platform.health;

import dev.gatehouse.platform.db.DatabaseMigrator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * Ready, and started, once the database migrations are applied: until then a node answers nothing that needs
 * the schema. As the startup probe ({@code /health/started}) it gives a first start on an empty database the
 * time its migrations take, without liveness restarting the node meanwhile.
 */
@Readiness
@Startup
@ApplicationScoped
public class MigrationsReadinessCheck implements HealthCheck {

    @Inject
    DatabaseMigrator migrator;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder r = HealthCheckResponse.named("migrations");
        boolean migrated = migrator.isMigrated();
        r.withData("applied", migrated);
        if (migrated) {
            r.withData("schema_version", migrator.schemaVersion());
        } else if (migrator.lastFailure() != null) {
            r.withData("last_failure", migrator.lastFailure());
        }
        return r.status(migrated).build();
    }
}
