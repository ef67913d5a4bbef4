package dev.gatehouse.platform.health;

import dev.gatehouse.platform.BuildInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the JVM has head-room: a node that is out of memory should be restarted, one whose
 * database is down should not (that is readiness).
 */
@Liveness
@ApplicationScoped
public class ApplicationLivenessCheck implements HealthCheck {

    private static final double MAX_HEAP_USE = 0.98;

    @Inject
    BuildInfo build;

    @Override
    public HealthCheckResponse call() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        double share = (double) used / rt.maxMemory();
        return HealthCheckResponse.named("gatehouse")
                .withData("version", build.version())
                .withData("heap_used_percent", Math.round(share * 100))
                .status(share < MAX_HEAP_USE)
                .build();
    }
}
