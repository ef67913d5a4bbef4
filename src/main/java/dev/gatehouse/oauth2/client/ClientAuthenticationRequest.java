package dev.gatehouse.oauth2.client;

import jakarta.ws.rs.core.MultivaluedMap;

import java.util.Optional;

/**
 * What a request to the token, introspection or revocation endpoint offers to authenticate its client.
 *
 * @param authorization the {@code Authorization} header, if any
 * @param form          the form body ({@code client_id}, {@code client_secret}, {@code client_assertion_type},
 *                      {@code client_assertion})
 * @param endpointUrl   the absolute URL of the endpoint called, which a {@code private_key_jwt} assertion's
 *                      {@code aud} must name (the token endpoint URL is also accepted, and the issuer)
 */
public record ClientAuthenticationRequest(Optional<String> authorization, MultivaluedMap<String, String> form,
                                          String endpointUrl) {
}
