package dev.gatehouse.selfservice;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.db.ExpiredRows;

import java.util.Optional;
import java.util.UUID;

/**
 * Where flows are kept (so any node can serve any step), by tenant. Expired flows are deleted by the clean-up job
 * after its grace, so a late submission is still told the flow expired.
 */
public interface FlowRepository extends ExpiredRows {

    void insert(Flow flow);

    Optional<Flow> find(TenantId tenant, UUID id);

    /** Stores a new UI and state for the flow. */
    void update(Flow flow);

    /** Stores the flow's binding to another browser: its CSRF hash and its UI, which carries that browser's token. */
    void rebind(Flow flow);
}
