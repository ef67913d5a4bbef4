package dev.gatehouse.platform.db;

import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.ConfigKey;
import dev.gatehouse.kernel.config.ConfigReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;

/**
 * {@code gatehouse.cleanup.*}: how often expired rows are deleted, how long after expiry, and in batches of how
 * many. The keys of the time when only tokens were cleaned up, {@code gatehouse.oauth2.token.cleanup-interval} and
 * {@code cleanup-grace}, are still read and win when set.
 */
@ConfigKey(name = "gatehouse.oauth2.token.cleanup-interval", description = "Old name of gatehouse.cleanup.interval,"
        + " from when only tokens were cleaned up; still read, and wins when set.")
@ConfigKey(name = "gatehouse.oauth2.token.cleanup-grace", description = "Old name of gatehouse.cleanup.grace,"
        + " from when only tokens were cleaned up; still read, and wins when set.")
@ApplicationScoped
public class CleanupConfig implements CapabilityConfig {

    private Duration interval;
    private Duration grace;
    private int batchSize;

    protected CleanupConfig() {
    }

    @Inject
    public CleanupConfig(Config config) {
        ConfigReader r = ConfigReader.of(config, capability());
        ConfigReader tokens = ConfigReader.of(config, "oauth2");
        this.interval = tokens.optionalString("token.cleanup-interval").isPresent()
                ? tokens.duration("token.cleanup-interval") : r.duration("interval");
        this.grace = tokens.optionalString("token.cleanup-grace").isPresent()
                ? tokens.durationOrZero("token.cleanup-grace") : r.durationOrZero("grace");
        this.batchSize = r.intInRange("batch-size", 1, 100_000);
    }

    @Override
    public String capability() {
        return "cleanup";
    }

    /** How often each node runs the clean-up. */
    public Duration interval() {
        return interval;
    }

    /** Rows are deleted this long after they expired, so a late use is still told "expired", not "not found". */
    public Duration grace() {
        return grace;
    }

    /** Rows deleted per statement and transaction. */
    public int batchSize() {
        return batchSize;
    }
}
