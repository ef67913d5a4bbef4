package dev.gatehouse.platform.health;

import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.ConfigReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;

/** {@code gatehouse.health.*}: when liveness calls the request path wedged. */
@ApplicationScoped
public class HealthConfig implements CapabilityConfig {

    private Duration stuckAfter;
    private int stuckRequests;

    protected HealthConfig() {
    }

    @Inject
    public HealthConfig(Config config) {
        ConfigReader r = ConfigReader.of(config, capability());
        this.stuckAfter = r.duration("stuck-after");
        this.stuckRequests = r.intInRange("stuck-requests", 1, 100_000);
    }

    @Override
    public String capability() {
        return "health";
    }

    /** A request Gatehouse has been busy with this long (not counting waits on the client) is stuck. */
    public Duration stuckAfter() {
        return stuckAfter;
    }

    /** Liveness is DOWN once this many requests are stuck at once. */
    public int stuckRequests() {
        return stuckRequests;
    }
}
