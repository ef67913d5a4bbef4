package dev.gatehouse.oauth2.client;

import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.ConfigReader;
import dev.gatehouse.platform.throttle.FailureCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/**
 * {@code gatehouse.oauth2.client-auth.throttle.*}: how many failed client authentications at the token, introspection
 * and revocation endpoints lock a client id or a client address, and for how long. On by default.
 */
@ApplicationScoped
public class ClientAuthThrottleConfig implements CapabilityConfig {

    private boolean enabled;
    private FailureCounts.Limits perClient;
    private FailureCounts.Limits perAddress;

    protected ClientAuthThrottleConfig() {
    }

    @Inject
    public ClientAuthThrottleConfig(Config config) {
        ConfigReader r = ConfigReader.of(config, capability());
        this.enabled = r.bool("enabled");
        var window = r.duration("window");
        var lockout = r.duration("lockout");
        var maxLockout = r.duration("max-lockout");
        this.perClient = new FailureCounts.Limits(r.intInRange("max-failures", 1, 100_000), window, lockout, maxLockout);
        this.perAddress = new FailureCounts.Limits(r.intInRange("max-failures-per-ip", 1, 1_000_000), window, lockout, maxLockout);
    }

    @Override
    public String capability() {
        return "oauth2.client-auth.throttle";
    }

    public boolean enabled() {
        return enabled;
    }

    /** Failures for one client id (one that holds a secret) within the window before it is locked. */
    public FailureCounts.Limits perClient() {
        return perClient;
    }

    /** Failures from one client address within the window before it is locked. */
    public FailureCounts.Limits perAddress() {
        return perAddress;
    }
}
