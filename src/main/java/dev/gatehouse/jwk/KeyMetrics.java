package dev.gatehouse.jwk;

import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.platform.metrics.MetricNames;
import dev.gatehouse.platform.metrics.Sampled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The signing keys' gauges: the age of the oldest current signing key and the time until the first is due to be
 * rotated (negative when a rotation is overdue), over every set of every tenant; read at most every 30 s. And each
 * key's uses ({@code sign}, {@code verify}) counted by set and kid: the series of a key go when the key is deleted,
 * so there are never more of them than live keys.
 */
@ApplicationScoped
public class KeyMetrics {

    private static final Duration SAMPLE = Duration.ofSeconds(30);

    /** Each key's counters, kept rather than looked up on every signature; they go with their key. */
    private final ConcurrentMap<MetricID, Counter> uses = new ConcurrentHashMap<>();

    @Inject
    MetricRegistry registry;
    @Inject
    KeyRing ring;
    @Inject
    Clock clock;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(Metadata.builder().withName(MetricNames.SIGNING_KEY_AGE).withUnit(MetricUnits.SECONDS)
                .withDescription("Age of the oldest current signing key").build(), new Sampled(SAMPLE, () -> extreme(true), clock));
        registry.gauge(Metadata.builder().withName(MetricNames.SIGNING_KEY_ROTATION_DUE).withUnit(MetricUnits.SECONDS)
                .withDescription("Time until the first signing key is due to be rotated; negative when overdue").build(),
                new Sampled(SAMPLE, () -> extreme(false), clock));
    }

    /** Counts one use of {@code key}. */
    public void used(SigningKey key, Use use) {
        MetricID id = new MetricID(MetricNames.SIGNING_KEY_USES, tags(key.set().value(), key.kid(), use));
        uses.computeIfAbsent(id, registry::counter).inc();
    }

    void deleted(@Observes SecurityEvent event) {
        if (event.type() == SecurityEventType.KEY_DELETED && event.details().get("kid") != null) {
            for (Use use : Use.values()) {
                MetricID id = new MetricID(MetricNames.SIGNING_KEY_USES,
                        tags(event.details().get("set"), event.details().get("kid"), use));
                registry.remove(id);
                uses.remove(id);
            }
        }
    }

    private static Tag[] tags(String set, String kid, Use use) {
        return new Tag[]{new Tag("set", set), new Tag("kid", kid), new Tag("use", use.name().toLowerCase(Locale.ROOT))};
    }

    /** What a key was used for. */
    public enum Use {
        SIGN,
        VERIFY
    }

    private double extreme(boolean age) {
        List<SigningKey> signers = ring.currentSigners();
        long now = clock.instant().getEpochSecond();
        return signers.stream().mapToDouble(k -> age ? now - k.activatedAt().getEpochSecond()
                        : ring.rotationDue(k).getEpochSecond() - now)
                .reduce(age ? Math::max : Math::min).orElse(Double.NaN);
    }
}
