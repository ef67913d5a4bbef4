package dev.gatehouse.oauth2.client;

import dev.gatehouse.oauth2.OAuth2Exception;

/**
 * Authenticates the client of a token, introspection or revocation request by the method it registered:
 * {@code client_secret_basic}, {@code client_secret_post}, {@code private_key_jwt} (RFC 7523, with {@code jti}
 * replay refused) or {@code none} (public clients: {@code client_id} only). Secrets are compared in constant time
 * against their stored hash. Exactly one method per request (RFC 6749 §2.3).
 */
public interface ClientAuthenticator {

    /**
     * @return the authenticated client
     * @throws OAuth2Exception {@code invalid_client} when unknown, wrong method, wrong secret or bad assertion;
     *                         {@code invalid_request} when the request offers more than one method
     */
    OAuth2Client authenticate(ClientAuthenticationRequest request);
}
