package dev.gatehouse.oauth2.authorize;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the login app decided when it accepted a login request (Hydra's {@code AcceptOAuth2LoginRequest}).
 *
 * @param rememberFor        how long the login session is remembered; zero means the server's default lifespan
 * @param context            free JSON object text, handed to the consent app
 * @param authTime           when the user authenticated (now, or the remembered session's time when skipped)
 * @param identitySessionId  the Gatehouse identity session the built-in login accepted from, ended on logout
 */
public record LoginDecision(String subject, boolean remember, Duration rememberFor, Optional<String> acr,
                            List<String> amr, String context, Instant authTime, Optional<String> identitySessionId) {

    public LoginDecision {
        amr = List.copyOf(amr);
    }
}
