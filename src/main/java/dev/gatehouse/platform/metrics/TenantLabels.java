package dev.gatehouse.platform.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * The {@code tenant} label of a series: the tenant's id for the busiest {@code limit} tenants, {@value #OTHER} for
 * the rest, so a deployment with thousands of tenants has at most {@code limit + 1} values per series. Until
 * {@code limit} tenants have been seen, each gets its own label at once; after that the set is re-ranked by
 * requests counted every {@code rerank} interval, and a tenant that has become busier than one in the set
 * takes its place. Only tenants that exist are counted (the caller passes a resolved tenant id), so no
 * requested name can add an entry.
 */
public final class TenantLabels {

    /** The label of every tenant outside the busiest. */
    public static final String OTHER = "other";
    /** The label of what no tenant is attached to (start-up jobs, requests refused before a tenant was known). */
    public static final String NONE = "none";

    private final int limit;
    private final Duration rerank;
    private final Clock clock;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private volatile Set<String> labelled = ConcurrentHashMap.newKeySet();
    private volatile Instant nextRank;

    public TenantLabels(int limit, Duration rerank, Clock clock) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit");
        }
        this.limit = limit;
        this.rerank = rerank;
        this.clock = clock;
        this.nextRank = clock.instant().plus(rerank);
    }

    /** Counts one use by {@code tenant} and answers the label to record it under. */
    public String label(String tenant) {
        if (tenant == null || tenant.isBlank()) {
            return NONE;
        }
        counts.computeIfAbsent(tenant, t -> new LongAdder()).increment();
        Instant now = clock.instant();
        if (!now.isBefore(nextRank)) {
            rank(now);
        }
        Set<String> current = labelled;
        if (current.contains(tenant)) {
            return tenant;
        }
        synchronized (this) {
            if (labelled.size() < limit) {
                labelled.add(tenant);
                return tenant;
            }
        }
        return OTHER;
    }

    private synchronized void rank(Instant now) {
        if (now.isBefore(nextRank)) {
            return;
        }
        nextRank = now.plus(rerank);
        Set<String> top = counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, LongAdder>>comparingLong(e -> e.getValue().sum()).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(limit)
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(ConcurrentHashMap::newKeySet));
        labelled = top;
    }
}
