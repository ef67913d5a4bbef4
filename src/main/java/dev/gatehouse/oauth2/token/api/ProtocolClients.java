package dev.gatehouse.oauth2.token.api;

import dev.gatehouse.oauth2.Issuer;
import dev.gatehouse.oauth2.client.ClientAuthenticationRequest;
import dev.gatehouse.oauth2.client.ClientAuthenticator;
import dev.gatehouse.oauth2.client.OAuth2Client;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.Optional;

/** Authenticates the client of a token, introspection or revocation request at the endpoint it called. */
@ApplicationScoped
public class ProtocolClients {

    @Inject
    ClientAuthenticator authenticator;
    @Inject
    Issuer issuer;

    public OAuth2Client authenticate(HttpServletRequest request, MultivaluedMap<String, String> form, String path) {
        return authenticator.authenticate(new ClientAuthenticationRequest(
                Optional.ofNullable(request.getHeader(HttpHeaders.AUTHORIZATION)), form, issuer.url(request, path)));
    }
}
