package dev.gatehouse.oauth2.token;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.oauth2.client.OAuth2Client;

/**
 * A token request after parsing and client authentication: what every {@link TokenGrantHandler} gets.
 *
 * @param issuer the issuer of the request's tenant ({@code iss} of the tokens)
 */
public record TokenCall(TenantId tenant, String issuer, OAuth2Client client, FormParameters form) {
}
