package dev.gatehouse.gateway.engine;

import dev.gatehouse.gateway.HandlerKind;

import java.util.List;

/**
 * A request tried against the rules without letting it through anywhere: which rules matched (one, none or
 * several), the decision, and each handler's verdict in the order the decision ran them. Nothing is sent to the
 * rule's upstream; the handlers themselves run as for the decisions API, so a {@code remote} authorizer or a
 * {@code hydrator} calls out as it would there.
 */
public record Trial(List<String> matched, Decision decision, List<Step> steps) {

    public Trial {
        matched = List.copyOf(matched);
        steps = List.copyOf(steps);
    }

    /** What one handler made of the request. */
    public enum Verdict {
        /** An authenticator that found the request was not for it; the next one is asked. */
        SKIPPED,
        /** An authenticator that authenticated the request, an authorizer that allowed it, a mutator that ran. */
        PASSED,
        /** The handler refused the request; the decision stops here. */
        DENIED
    }

    /** One handler's verdict; {@code reason} says why it refused, empty otherwise. */
    public record Step(HandlerKind kind, String handler, Verdict verdict, String reason) {
    }
}
