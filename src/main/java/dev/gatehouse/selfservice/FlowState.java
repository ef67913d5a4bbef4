package dev.gatehouse.selfservice;

import java.util.Arrays;

/**
 * The states of a self-service {@link Flow}, by Kratos' names (which are also what is stored and what the
 * {@code state} field of a flow's JSON says). {@link Flow} holds the transitions and draws which flow uses which.
 */
public enum FlowState {
    /** Login, registration, recovery, verification: the form asks for a method (and its first input). */
    CHOOSE_METHOD("choose_method"),
    /** Recovery, verification and the {@code code} method: a code or link was sent; the flow waits for it. */
    SENT_EMAIL("sent_email"),
    /** The flow did what it was for (signed in, signed up, recovered, verified); it cannot be submitted again. */
    PASSED_CHALLENGE("passed_challenge"),
    /** Settings: the form shows the identity's settings (first, and after a refused change). */
    SHOW_FORM("show_form"),
    /** Settings: the last change was saved; the form may be submitted again. */
    SUCCESS("success");

    private final String wire;

    FlowState(String wire) {
        this.wire = wire;
    }

    /** Kratos' name of the state, as stored and sent. */
    public String wire() {
        return wire;
    }

    /** The state a stored or sent name stands for. */
    public static FlowState ofWire(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no flow state " + wire));
    }
}
