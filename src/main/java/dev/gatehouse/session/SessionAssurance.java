package dev.gatehouse.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Refuses a session below the level an endpoint requires: with {@code highest_available}, an {@code aal1}
 * session of an identity that has a second factor must be raised first, so skipping the step-up by calling an
 * endpoint directly gets nowhere.
 */
@ApplicationScoped
public class SessionAssurance {

    private SecondFactors secondFactors;

    protected SessionAssurance() {
        // for the container's proxy
    }

    @Inject
    public SessionAssurance(SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
    }

    /** Whether {@code holder}'s session meets {@code required}. */
    public boolean satisfies(SessionService.Authenticated holder, RequiredAal required) {
        Session session = holder.session();
        // the identity's credentials are looked at only when the session's level alone does not decide
        boolean lookUp = required == RequiredAal.HIGHEST_AVAILABLE && !Session.AAL2.equals(session.aal());
        return required.satisfiedBy(session, lookUp && secondFactors.available(holder.identity()));
    }

    /** Whether {@code holder}'s session is below {@code aal2} and its identity has a second factor to raise it with. */
    public boolean canRaise(SessionService.Authenticated holder) {
        return !Session.AAL2.equals(holder.session().aal()) && secondFactors.available(holder.identity());
    }

    /**
     * Throws {@link AalNotSatisfied} pointing to the aal2 login under {@code publicBase} (back to
     * {@code returnTo} if given) unless {@code holder}'s session meets {@code required}.
     */
    public void require(SessionService.Authenticated holder, RequiredAal required, String publicBase, String returnTo) {
        if (!satisfies(holder, required)) {
            throw AalNotSatisfied.raiseAt(publicBase, returnTo);
        }
    }
}
