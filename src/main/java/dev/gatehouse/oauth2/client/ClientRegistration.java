package dev.gatehouse.oauth2.client;

import java.util.Optional;

/**
 * The result of registering or changing a client: the stored client and the secrets that exist in clear only now,
 * to be shown in this one response.
 *
 * @param stored            the client as stored
 * @param secret            a client secret that was just generated or set, if any
 * @param registrationToken a registration access token that was just issued (dynamic registration), if any
 */
public record ClientRegistration(RegisteredClient stored, Optional<String> secret, Optional<String> registrationToken) {
}
