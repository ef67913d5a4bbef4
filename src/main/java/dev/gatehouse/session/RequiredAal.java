package dev.gatehouse.session;

import java.util.Locale;
import java.util.Optional;

/**
 * The assurance level an endpoint asks of a session (Kratos' {@code required_aal}): {@code aal1} takes any
 * session; {@code highest_available} takes an {@code aal1} session only while its identity has no second factor
 * to raise it with.
 */
public enum RequiredAal {
    AAL1,
    HIGHEST_AVAILABLE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RequiredAal> fromWire(String s) {
        for (RequiredAal v : values()) {
            if (v.wire().equals(s)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code session} is enough (Kratos' {@code DoesSessionSatisfy}); {@code secondFactorAvailable} says
     * whether its identity has a second factor set up, i.e. whether its highest available level is {@code aal2}.
     */
    public boolean satisfiedBy(Session session, boolean secondFactorAvailable) {
        if (Session.AAL2.equals(session.aal())) {
            return true;
        }
        return switch (this) {
            case AAL1 -> Session.AAL1.equals(session.aal());
            case HIGHEST_AVAILABLE -> Session.AAL1.equals(session.aal()) && !secondFactorAvailable;
        };
    }
}
