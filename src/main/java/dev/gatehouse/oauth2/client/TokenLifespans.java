package dev.gatehouse.oauth2.client;

import java.time.Duration;
import java.util.Optional;

/**
 * A client's own token lifespans (Hydra's {@code *_token_lifespan} fields); empty means the server default.
 * Hydra keys them per grant; we keep the four that differ in practice.
 */
public record TokenLifespans(Optional<Duration> accessToken, Optional<Duration> refreshToken,
                             Optional<Duration> idToken, Optional<Duration> authorizationCode) {

    public static final TokenLifespans DEFAULTS =
            new TokenLifespans(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
