package dev.gatehouse.platform.throttle;

import dev.gatehouse.kernel.tenant.TenantId;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rows in a map, as the database keeps them. */
public final class InMemoryFailureCounts implements FailureCountRepository {
    private final Map<List<String>, Counted> rows = new HashMap<>();

    @Override
    public Optional<FailureCounts.Standing> find(TenantId tenant, String kind, String key) {
        return Optional.ofNullable(rows.get(List.of(tenant.value(), kind, key)))
                .map(c -> new FailureCounts.Standing(c.failures(), c.lockedUntil(), c.lockouts()));
    }

    @Override
    public Counted lock(TenantId tenant, String kind, String key, Instant now) {
        return rows.computeIfAbsent(List.of(tenant.value(), kind, key), k -> new Counted(0, now, Optional.empty(), 0));
    }

    @Override
    public void update(TenantId tenant, String kind, String key, Counted row, Instant now) {
        rows.put(List.of(tenant.value(), kind, key), row);
    }

    @Override
    public void delete(TenantId tenant, String kind, String key) {
        rows.remove(List.of(tenant.value(), kind, key));
    }

    @Override
    public int deleteAll(TenantId tenant, String key) {
        int before = rows.size();
        rows.keySet().removeIf(k -> k.get(0).equals(tenant.value()) && k.get(2).equals(key));
        return before - rows.size();
    }

    @Override
    public List<FailureCounts.Row> list(TenantId tenant, Optional<String> key, int limit) {
        return rows.entrySet().stream().filter(e -> e.getKey().get(0).equals(tenant.value()))
                .map(e -> new FailureCounts.Row(e.getKey().get(1), e.getKey().get(2), find(tenant, e.getKey().get(1),
                        e.getKey().get(2)).orElseThrow())).limit(limit).toList();
    }
}
