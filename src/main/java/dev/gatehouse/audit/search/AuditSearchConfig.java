package dev.gatehouse.audit.search;

import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.ConfigReader;
import dev.gatehouse.kernel.config.InvalidConfigException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code gatehouse.audit.searches-*}: the directory of saved searches defined in jsonnet files (none: off), the
 * {@code std.extVar('environment')} they are evaluated with, how long one file may take, and how often the directory
 * is checked for changes.
 */
@ApplicationScoped
public class AuditSearchConfig implements CapabilityConfig {

    private Optional<Path> dir;
    private String environment;
    private Duration timeout;
    private Duration reloadInterval;

    protected AuditSearchConfig() {
    }

    @Inject
    public AuditSearchConfig(Config config) {
        ConfigReader r = ConfigReader.of(config, capability());
        this.dir = r.optionalString("searches-dir").filter(s -> !s.isBlank()).map(Path::of);
        this.environment = r.string("searches-environment");
        this.timeout = r.duration("searches-timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new InvalidConfigException(r.key("searches-timeout"), timeout.toString(), "must be positive");
        }
        this.reloadInterval = r.duration("searches-reload-interval");
        if (reloadInterval.toMillis() < 100) {
            throw new InvalidConfigException(r.key("searches-reload-interval"), reloadInterval.toString(),
                    "must be at least 100ms");
        }
    }

    @Override
    public String capability() {
        return "audit";
    }

    /** Where jsonnet files define saved searches; empty: none are. */
    public Optional<Path> dir() {
        return dir;
    }

    /** The value of {@code std.extVar('environment')} in those files. */
    public String environment() {
        return environment;
    }

    public Duration timeout() {
        return timeout;
    }

    public Duration reloadInterval() {
        return reloadInterval;
    }
}
