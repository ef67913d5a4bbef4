package dev.gatehouse.platform.health;

import dev.gatehouse.platform.metrics.MetricNames;
import dev.gatehouse.platform.metrics.Sampled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.time.Clock;
import java.time.Duration;

/** Readiness as a series (1 ready, 0 not), so an alert can fire when a node stays unready. */
@ApplicationScoped
public class ReadinessGauge {

    @Inject
    MetricRegistry registry;
    @Inject
    @Readiness
    DatabaseReadinessCheck database;
    @Inject
    Clock clock;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(Metadata.builder().withName(MetricNames.READY).withDescription("1 when /health/ready is UP").build(),
                new Sampled(Duration.ofSeconds(5),
                        () -> database.call().getStatus() == HealthCheckResponse.Status.UP ? 1.0 : 0.0, clock));
    }
}
