package dev.gatehouse.selfservice;

import dev.gatehouse.kernel.tenant.TenantId;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** {@link FlowRepository} in a map, for tests of the flow rules without a database. */
public final class InMemoryFlowRepository implements FlowRepository {

    private final Map<UUID, Flow> flows = new ConcurrentHashMap<>();

    @Override
    public void insert(Flow flow) {
        if (flows.putIfAbsent(flow.id(), flow) != null) {
            throw new IllegalStateException("flow " + flow.id() + " exists");
        }
    }

    @Override
    public Optional<Flow> find(TenantId tenant, UUID id) {
        return Optional.ofNullable(flows.get(id)).filter(f -> f.tenant().equals(tenant));
    }

    @Override
    public void update(Flow flow) {
        Flow stored = flows.get(flow.id());
        if (stored == null) {
            throw new IllegalStateException("no flow " + flow.id());
        }
        // as the table: state, UI, and the CSRF hash only while it has none
        flows.put(flow.id(), new Flow(stored.id(), stored.tenant(), stored.kind(), stored.flavor(), flow.state(), stored.requestUrl(),
                stored.returnTo(), stored.csrfHash() == null ? flow.csrfHash() : stored.csrfHash(), stored.identity(),
                stored.sessionId(), stored.refresh(), flow.ui(), stored.issuedAt(), stored.expiresAt()));
    }

    @Override
    public void rebind(Flow flow) {
        Flow stored = flows.get(flow.id());
        flows.put(flow.id(), new Flow(stored.id(), stored.tenant(), stored.kind(), stored.flavor(), stored.state(), stored.requestUrl(),
                stored.returnTo(), flow.csrfHash(), stored.identity(), stored.sessionId(), stored.refresh(), flow.ui(),
                stored.issuedAt(), stored.expiresAt()));
    }

    @Override
    public int deleteExpired(Batch batch) {
        return 0;
    }

    /** The flow as stored. */
    public Flow stored(UUID id) {
        return flows.get(id);
    }
}
