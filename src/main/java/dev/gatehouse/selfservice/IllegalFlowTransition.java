package dev.gatehouse.selfservice;

/**
 * A step asked a flow for a transition its state does not lead to. A flow already completed answers as
 * Kratos does for a used flow (410, {@code self_service_flow_replaced}), as when two submissions race;
 * any other wrong state answers 409 {@code self_service_flow_state_invalid}.
 */
public final class IllegalFlowTransition extends FlowError {

    private static final long serialVersionUID = 1L;

    public IllegalFlowTransition(Flow flow, FlowState to) {
        super(flow.isSpent() ? Kind.SPENT : Kind.STATE,
                flow.kind().path() + " flow " + flow.id() + " is " + flow.state().wire() + " and cannot become " + to.wire());
    }
}
