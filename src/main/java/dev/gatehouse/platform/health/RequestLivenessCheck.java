package dev.gatehouse.platform.health;

import dev.gatehouse.platform.http.InFlightRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while requests get somewhere: DOWN once {@code gatehouse.health.stuck-requests} requests have each kept
 * Gatehouse busy for longer than {@code stuck-after} (waits on slow clients do not count). This notices a wedged
 * request path, such as log writes blocked on a console nobody reads or a pool whose connections are all held by
 * blocked requests, which the heap check cannot see; a restart is the cure. A database that is down is not a
 * wedge: its requests fail within the pool and query timeouts, and readiness reports it.
 */
@Liveness
@ApplicationScoped
public class RequestLivenessCheck implements HealthCheck {

    @Inject
    InFlightRequests requests;
    @Inject
    HealthConfig config;

    @Override
    public HealthCheckResponse call() {
        StuckRequests s = StuckRequests.judge(requests.count(), requests.busy(), config.stuckAfter(), config.stuckRequests());
        return HealthCheckResponse.named("requests")
                .withData("in_flight", s.inFlight())
                .withData("stuck", s.stuck())
                .withData("longest_busy_seconds", s.longestBusy().toSeconds())
                .status(s.live())
                .build();
    }
}
