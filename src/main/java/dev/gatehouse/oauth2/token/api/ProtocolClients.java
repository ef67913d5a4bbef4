package dev.gatehouse.oauth2.token.api;

import dev.gatehouse.kernel.RequestContext;
import dev.gatehouse.oauth2.Issuer;
import dev.gatehouse.oauth2.OAuth2Error;
import dev.gatehouse.oauth2.OAuth2Exception;
import dev.gatehouse.oauth2.client.ClientAuthThrottle;
import dev.gatehouse.oauth2.client.ClientAuthenticationRequest;
import dev.gatehouse.oauth2.client.ClientAuthenticator;
import dev.gatehouse.oauth2.client.OAuth2Client;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Authenticates the client of a token, introspection or revocation request at the endpoint it called, unless its
 * client id or address is locked for failing too often ({@link ClientAuthThrottle}); a failure is counted. The
 * throttle's reads and writes are short transactions of their own, none held while the credentials are checked.
 */
@ApplicationScoped
public class ProtocolClients {

    @Inject
    ClientAuthenticator authenticator;
    @Inject
    ClientAuthThrottle throttle;
    @Inject
    RequestContext context;
    @Inject
    Issuer issuer;
    @Inject
    Clock clock;

    public OAuth2Client authenticate(HttpServletRequest request, MultivaluedMap<String, String> form, String path) {
        ClientAuthenticationRequest presented = new ClientAuthenticationRequest(
                Optional.ofNullable(request.getHeader(HttpHeaders.AUTHORIZATION)), form, issuer.url(request, path));
        String clientId = presented.claimedClientId();
        String address = context.clientIp();
        ClientAuthThrottle.Standing standing = throttle.check(clientId, address);
        if (standing.lockedUntil().isPresent()) {
            throw OAuth2Exception.clientLocked(Duration.between(clock.instant(), standing.lockedUntil().get()));
        }
        OAuth2Client client;
        try {
            client = authenticator.authenticate(presented);
        } catch (OAuth2Exception e) {
            if (e.error() == OAuth2Error.INVALID_CLIENT) {
                throttle.failed(clientId, address);
            }
            throw e;
        }
        if (standing.clientFailed()) {
            throttle.succeeded(client.clientId());
        }
        return client;
    }
}
