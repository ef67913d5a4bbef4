package dev.gatehouse.selfservice.login;

import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.ConfigReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;

/** {@code gatehouse.login.*}: brute-force protection, on by default. */
@ApplicationScoped
public class LoginThrottleConfig implements CapabilityConfig {

    private boolean enabled;
    private int maxFailures;
    private int maxFailuresPerIp;
    private Duration window;
    private Duration lockout;
    private Duration maxLockout;

    protected LoginThrottleConfig() {
    }

    @Inject
    public LoginThrottleConfig(Config config) {
        ConfigReader r = ConfigReader.of(config, capability());
        this.enabled = r.bool("throttle.enabled");
        this.maxFailures = r.intInRange("throttle.max-failures", 1, 1000);
        this.maxFailuresPerIp = r.intInRange("throttle.max-failures-per-ip", 1, 100_000);
        this.window = r.duration("throttle.window");
        this.lockout = r.duration("throttle.lockout");
        this.maxLockout = r.duration("throttle.max-lockout");
    }

    @Override
    public String capability() {
        return "login";
    }

    public boolean enabled() {
        return enabled;
    }

    /** Failed sign-ins for one identifier within the window before it is locked. */
    public int maxFailures() {
        return maxFailures;
    }

    /** Failed sign-ins from one client address within the window before it is locked. */
    public int maxFailuresPerIp() {
        return maxFailuresPerIp;
    }

    public Duration window() {
        return window;
    }

    /** The first lock's length; each further lock doubles it, up to {@link #maxLockout()}. */
    public Duration lockout() {
        return lockout;
    }

    public Duration maxLockout() {
        return maxLockout;
    }
}
