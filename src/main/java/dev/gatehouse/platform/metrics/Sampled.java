package dev.gatehouse.platform.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A gauge's value that costs a query: read at most once per {@code interval}, so scrapes by several Prometheus
 * servers (or a short scrape interval) do not become database load. A reading that fails is {@code NaN}.
 */
public final class Sampled implements Supplier<Double> {

    private final Duration interval;
    private final Supplier<Double> source;
    private final Clock clock;
    private Instant readAt = Instant.MIN;
    private double value = Double.NaN;

    public Sampled(Duration interval, Supplier<Double> source, Clock clock) {
        this.interval = interval;
        this.source = source;
        this.clock = clock;
    }

    @Override
    public synchronized Double get() {
        Instant now = clock.instant();
        if (readAt.equals(Instant.MIN) || !now.isBefore(readAt.plus(interval))) {
            readAt = now;
            try {
                value = source.get();
            } catch (RuntimeException e) {
                value = Double.NaN;
            }
        }
        return value;
    }
}
