package dev.gatehouse.selfservice;

import dev.gatehouse.kernel.Ids;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;

/** Stores and loads flows, enforcing what every flow shares: tenant, expiry, single use. */
@ApplicationScoped
public class FlowService {

    private FlowRepository flows;
    private Clock clock;

    protected FlowService() {
        // for the container's proxy
    }

    @Inject
    public FlowService(FlowRepository flows, Clock clock) {
        this.flows = flows;
        this.clock = clock;
    }

    @Transactional
    public void save(Flow flow) {
        flows.insert(flow);
    }

    @Transactional
    public void update(Flow flow) {
        flows.update(flow);
    }

    /** Moves a browser flow to the browser's new CSRF secret (see {@link CsrfCookies#bind}). */
    @Transactional
    public void rebind(Flow flow) {
        flows.rebind(flow);
    }

    /** A flow of this tenant and kind, whatever its state (for showing it). */
    @Transactional
    public Flow load(TenantId tenant, FlowKind kind, String id) {
        return Ids.parseUuid(id).flatMap(uuid -> flows.find(tenant, uuid)).filter(f -> f.kind() == kind)
                .orElseThrow(() -> new FlowError(FlowError.Kind.NOT_FOUND));
    }

    /**
     * A flow that may be submitted now: unexpired and not yet spent. Transactional itself: a call to {@link #load}
     * from here is not intercepted, and a read outside a transaction would keep its connection until the
     * request ends.
     */
    @Transactional
    public Flow loadForSubmit(TenantId tenant, FlowKind kind, String id) {
        Flow flow = load(tenant, kind, id);
        if (flow.isSpent()) {
            throw new FlowError(FlowError.Kind.SPENT);
        }
        return flow;
    }

    public boolean isExpired(Flow flow) {
        return flow.isExpiredAt(clock.instant());
    }

    static ApiException missingFlowId() {
        return ApiException.invalid("flow", "the flow query parameter is required");
    }
}
