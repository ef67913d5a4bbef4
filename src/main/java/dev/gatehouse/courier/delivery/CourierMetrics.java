package dev.gatehouse.courier.delivery;

import dev.gatehouse.courier.jdbc.OutboxQueue;
import dev.gatehouse.platform.db.Transactions;
import dev.gatehouse.platform.metrics.MetricNames;
import dev.gatehouse.platform.metrics.Sampled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Clock;
import java.time.Duration;

/**
 * The courier's backlog gauge: messages waiting in the outbox across tenants, read at most every 10 s. Mail is
 * the courier's one channel so far; the {@code channel} label is there for the next.
 */
@ApplicationScoped
public class CourierMetrics {

    private static final Duration SAMPLE = Duration.ofSeconds(10);

    @Inject
    MetricRegistry registry;
    @Inject
    OutboxQueue queue;
    @Inject
    Transactions transactions;
    @Inject
    Clock clock;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(Metadata.builder().withName(MetricNames.COURIER_QUEUE_DEPTH)
                        .withDescription("Messages waiting in the outbox (queued or being sent)").build(),
                new Sampled(SAMPLE, () -> (double) transactions.call(queue::waiting), clock), new Tag("channel", "email"));
    }
}
