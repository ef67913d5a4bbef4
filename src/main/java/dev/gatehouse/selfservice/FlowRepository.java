package dev.gatehouse.selfservice;

import dev.gatehouse.tenant.TenantId;

import java.util.Optional;
import java.util.UUID;

/** Where flows are kept (so any node can serve any step), by tenant. */
public interface FlowRepository {

    void insert(Flow flow);

    Optional<Flow> find(TenantId tenant, UUID id);

    /** Stores a new UI and state for the flow. */
    void update(Flow flow);

    /** Stores the flow's binding to another browser: its CSRF hash and its UI, which carries that browser's token. */
    void rebind(Flow flow);
}
