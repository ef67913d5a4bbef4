package dev.gatehouse.oauth2.client;

import dev.gatehouse.kernel.DatabaseFailures;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.oauth2.Issuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;

/**
 * {@link ClientAuthenticator} for the request's tenant: {@link ClientAuthentication} over the tenant's clients,
 * with the request's endpoint, token endpoint and issuer as the audiences a client assertion may name.
 */
@ApplicationScoped
public class ClientAuthenticatorBean implements ClientAuthenticator {

    private ClientAuthentication authentication;
    private Issuer issuer;
    private HttpServletRequest http;

    protected ClientAuthenticatorBean() {
    }

    @Inject
    public ClientAuthenticatorBean(ClientDirectory directory, ClientSecrets secrets, ClientKeys keys, ClientConfig config,
                                   Clock clock, SecurityEvents events, Issuer issuer, HttpServletRequest http) {
        this.authentication = new ClientAuthentication(directory::registered, (clientId, jti, expiresAt) -> {
            try {
                return directory.firstUseOfAssertion(clientId, jti, expiresAt);
            } catch (RuntimeException e) {
                // two nodes raced with the same assertion: the unique key let one of them through
                if (DatabaseFailures.isUniqueViolation(e)) {
                    return false;
                }
                throw e;
            }
        }, secrets, keys, config.assertionMaxLifetime(), clock, events::fire);
        this.issuer = issuer;
        this.http = http;
    }

    /**
     * Not one transaction: the client is read in a short one of its own, then its secret checked (argon2id for a short
     * chosen secret) or its private_key_jwt verified (which may fetch its jwks_uri) while no connection is held.
     */
    @Override
    public OAuth2Client authenticate(ClientAuthenticationRequest request) {
        String iss = issuer.of(http);
        return authentication.authenticate(request, new HashSet<>(List.of(request.endpointUrl(), iss, iss + "/oauth2/token")));
    }
}
