package dev.gatehouse.selfservice.code;

import dev.gatehouse.identity.Identity;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.session.SessionService;

/**
 * How a submission of a code flow ended: the flow (accepted or refused), and for a recovery its new session
 * and the settings flow the user continues in.
 */
public record CodeStep(Flow flow, boolean accepted, Identity identity, SessionService.Issued session, Flow next) {

    public static CodeStep accepted(Flow flow) {
        return new CodeStep(flow, true, null, null, null);
    }

    public static CodeStep refused(Flow flow) {
        return new CodeStep(flow, false, null, null, null);
    }
}
