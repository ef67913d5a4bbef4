package dev.gatehouse.jwk;

import dev.gatehouse.platform.metrics.MetricNames;
import dev.gatehouse.platform.metrics.Sampled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The signing keys' gauges: the age of the oldest current signing key and the time until the first is due to be
 * rotated (negative when a rotation is overdue), over every set of every tenant; read at most every 30 s.
 */
@ApplicationScoped
public class KeyMetrics {

    private static final Duration SAMPLE = Duration.ofSeconds(30);

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

    private double extreme(boolean age) {
        List<SigningKey> signers = ring.currentSigners();
        long now = clock.instant().getEpochSecond();
        return signers.stream().mapToDouble(k -> age ? now - k.activatedAt().getEpochSecond()
                        : ring.rotationDue(k).getEpochSecond() - now)
                .reduce(age ? Math::max : Math::min).orElse(Double.NaN);
    }
}
