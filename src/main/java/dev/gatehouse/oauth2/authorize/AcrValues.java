package dev.gatehouse.oauth2.authorize;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The authentication context classes the built-in login knows (OpenID Connect Core §3.1.2.1 {@code acr_values},
 * §2 {@code acr}) and the assurance level each asks of the identity session: {@code aal1}, {@code aal2}, and the
 * OpenID PAPE multi-factor policy, which is {@code aal2}. {@code acr_values} is a preference list: the first value
 * known here is the one the login honours; unknown values are ignored, as the parameter is voluntary.
 */
public final class AcrValues {

    /** The PAPE multi-factor policy, which many relying parties send to ask for a second factor. */
    public static final String PAPE_MULTI_FACTOR = "http://schemas.openid.net/pape/policies/2007/06/multi-factor";

    private static final String AAL1 = "aal1";
    private static final String AAL2 = "aal2";
    private static final Map<String, String> LEVELS = Map.of(AAL1, AAL1, AAL2, AAL2, PAPE_MULTI_FACTOR, AAL2);

    /** The values {@code acr_values_supported} lists, weakest first. */
    public static final List<String> SUPPORTED = List.of(AAL1, AAL2, PAPE_MULTI_FACTOR);

    /** One requested class: its value as the client wrote it and the assurance level it needs. */
    public record Requested(String value, String aal) {

        /** Whether a session at {@code sessionAal} meets it. */
        public boolean satisfiedBy(String sessionAal) {
            return !AAL2.equals(aal) || AAL2.equals(sessionAal);
        }

        /** Whether it needs a second factor. */
        public boolean needsSecondFactor() {
            return AAL2.equals(aal);
        }
    }

    private AcrValues() {
    }

    /** The first value of {@code acrValues} that the login knows, if any. */
    public static Optional<Requested> requested(List<String> acrValues) {
        return acrValues.stream().filter(LEVELS::containsKey).findFirst().map(v -> new Requested(v, LEVELS.get(v)));
    }

    /**
     * The {@code acr} of a login by a session at {@code sessionAal}: the requested value when the session is at
     * exactly the level it names (so a client that asked for the PAPE policy reads it back), else the session's level.
     */
    public static String acr(Optional<Requested> requested, String sessionAal) {
        return requested.filter(r -> r.aal().equals(sessionAal)).map(Requested::value).orElse(sessionAal);
    }
}
