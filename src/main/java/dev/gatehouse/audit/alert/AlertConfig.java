package dev.gatehouse.audit.alert;

import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.ConfigReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;

/**
 * {@code gatehouse.audit.alert.*}: how often alert rules are evaluated and due webhooks sent, how long a webhook call
 * may take, and how failed deliveries are retried (doubling waits from {@code retry-backoff}, at most an hour apart,
 * {@code max-attempts} in all).
 */
@ApplicationScoped
public class AlertConfig implements CapabilityConfig {

    private static final Duration LONGEST_WAIT = Duration.ofHours(1);

    private Duration interval;
    private Duration timeout;
    private Duration retryBackoff;
    private int maxAttempts;

    protected AlertConfig() {
    }

    @Inject
    public AlertConfig(Config config) {
        ConfigReader r = ConfigReader.of(config, capability());
        this.interval = r.duration("interval");
        this.timeout = r.duration("timeout");
        this.retryBackoff = r.duration("retry-backoff");
        this.maxAttempts = r.intInRange("max-attempts", 1, 100);
    }

    @Override
    public String capability() {
        return "audit.alert";
    }

    public Duration interval() {
        return interval;
    }

    public Duration timeout() {
        return timeout;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** How long to wait after the {@code attempts}-th failed attempt: doubling from the back-off, capped at an hour. */
    public Duration waitAfter(int attempts) {
        Duration wait = retryBackoff.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
