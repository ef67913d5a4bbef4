package dev.gatehouse.oauth2.authorize;

import dev.gatehouse.kernel.Ids;
import dev.gatehouse.platform.secrets.TokenHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Challenges and verifiers: 256 random bits each, handed to the browser and the login/consent/logout app;
 * only an HMAC (domain-separated by kind) is stored, so a database reader cannot replay one.
 */
@ApplicationScoped
public class Challenges {

    /** The kinds, each hashed under its own label so that one can never stand in for another. */
    public enum Kind { LOGIN_CHALLENGE, LOGIN_VERIFIER, CONSENT_CHALLENGE, CONSENT_VERIFIER, LOGOUT_CHALLENGE, LOGOUT_VERIFIER }

    private static final int MAX_LENGTH = 128;

    @Inject
    TokenHasher hasher;

    public String create() {
        return Ids.token();
    }

    public String hash(Kind kind, String value) {
        return hasher.hash(kind.name() + ":" + value);
    }

    /** The hash of a presented value, or empty when it cannot be one of ours. */
    public Optional<String> presented(Kind kind, String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(hash(kind, value));
    }
}
