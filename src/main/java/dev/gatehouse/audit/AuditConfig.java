package dev.gatehouse.audit;

import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.ConfigReader;
import dev.gatehouse.kernel.config.InvalidConfigException;
import dev.gatehouse.kernel.event.SecurityEventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code gatehouse.audit.*}: how often the writer moves recorded events into the chain and how many at a time, which
 * event types are not recorded, how long rows are kept (a tenant may set {@code audit.retention}), where the
 * retention job archives what it deletes, how often it runs and how long one node's lease on it lasts, and what of
 * a client address a row keeps.
 */
@ApplicationScoped
public class AuditConfig implements CapabilityConfig {

    /** The shortest retention: the database refuses to prune rows younger than a day. */
    public static final Duration MIN_RETENTION = Duration.ofDays(1);

    private Duration writeInterval;
    private int batchSize;
    private Set<SecurityEventType> excluded;
    private Duration retention;
    private Optional<Path> archiveDir;
    private Duration retentionInterval;
    private Duration retentionLease;
    private IpMasking ipMasking;

    protected AuditConfig() {
    }

    @Inject
    public AuditConfig(Config config) {
        ConfigReader r = ConfigReader.of(config, capability());
        this.writeInterval = r.duration("write-interval");
        this.batchSize = r.intInRange("batch-size", 1, 10_000);
        this.excluded = EnumSet.noneOf(SecurityEventType.class);
        for (String name : r.list("exclude")) {
            try {
                excluded.add(SecurityEventType.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException(r.key("exclude"), name, "must name security event types");
            }
        }
        this.retention = r.duration("retention");
        if (retention.compareTo(MIN_RETENTION) < 0) {
            throw new InvalidConfigException(r.key("retention"), retention.toString(), "must be at least 1d");
        }
        this.archiveDir = r.optionalString("archive-dir").map(Path::of);
        this.retentionInterval = r.duration("retention-interval");
        this.retentionLease = r.duration("retention-lease");
        if (retentionLease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new InvalidConfigException(r.key("retention-lease"), retentionLease.toString(), "must be at least 1s");
        }
        this.ipMasking = r.oneOf("ip-masking", IpMasking.class);
    }

    @Override
    public String capability() {
        return "audit";
    }

    public Duration writeInterval() {
        return writeInterval;
    }

    public int batchSize() {
        return batchSize;
    }

    public boolean records(SecurityEventType type) {
        return !excluded.contains(type);
    }

    public Duration retention() {
        return retention;
    }

    /** Where pruned rows are archived; without one, the retention job deletes nothing. */
    public Optional<Path> archiveDir() {
        return archiveDir;
    }

    public Duration retentionInterval() {
        return retentionInterval;
    }

    /** How long a node holds the retention job's lease for one batch before another node may take it over. */
    public Duration retentionLease() {
        return retentionLease;
    }

    /** What of the client address the tenant's rows keep (a tenant may set {@code audit.ip-masking}). */
    public IpMasking ipMasking() {
        return ipMasking;
    }
}
