package dev.gatehouse.oauth2.token.api;

import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.oauth2.Issuer;
import dev.gatehouse.oauth2.OAuth2Error;
import dev.gatehouse.oauth2.OAuth2Exception;
import dev.gatehouse.oauth2.client.OAuth2Client;
import dev.gatehouse.oauth2.token.AccessTokenResponse;
import dev.gatehouse.oauth2.token.FormParameters;
import dev.gatehouse.oauth2.token.TokenCall;
import dev.gatehouse.oauth2.token.TokenGrantHandler;
import dev.gatehouse.oauth2.token.TokenResponse;
import dev.gatehouse.platform.trace.Tracing;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * The token endpoint (RFC 6749 §3.2): parses the form, authenticates the client, and hands the request to the
 * {@link TokenGrantHandler} of its {@code grant_type}. Errors are RFC 6749 §5.2 answers and security events.
 */
@Path("oauth2/token")
@RequestScoped
public class TokenResource {

    static final String PATH = "/oauth2/token";

    @Inject
    Tracing tracing;
    @Inject
    ProtocolClients clients;
    @Inject
    Instance<TokenGrantHandler> handlers;
    @Inject
    Issuer issuer;
    @Inject
    CurrentTenant tenant;
    @Inject
    SecurityEvents events;
    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(MultivaluedMap<String, String> form) {
        OAuth2Client client = null;
        String grantType = null;
        try {
            FormParameters parameters = FormParameters.parse(form);
            grantType = parameters.required("grant_type");
            client = clients.authenticate(request, form, PATH);
            TokenGrantHandler handler = handler(grantType);
            if (!client.allowsGrant(grantType)) {
                throw new OAuth2Exception(OAuth2Error.UNAUTHORIZED_CLIENT, "The client may not use this grant type");
            }
            TokenCall call = new TokenCall(tenant.id(), issuer.of(request), client, parameters);
            // the grant type is one a handler serves (an unknown one was refused above), so the name stays bounded
            TokenResponse answer = tracing.span("oauth2 token grant " + handler.grantType(), () -> handler.handle(call),
                    TokenResource::outcome, failure -> failure instanceof OAuth2Exception e ? e.error().code() : Tracing.FAILED,
                    "oauth2.grant_type", handler.grantType(), "oauth2.client_id", client.clientId());
            if (answer instanceof TokenResponse.TokenError error) {
                throw new OAuth2Exception(error.error(), error.description());
            }
            return NoStore.ok(((AccessTokenResponse) answer).toJson());
        } catch (OAuth2Exception e) {
            events.fire(SecurityEvent.of(SecurityEventType.OAUTH2_TOKEN_FAILED, Outcome.FAILURE)
                    .client(client == null ? null : client.clientId()).actor(client == null ? null : client.clientId())
                    .detail("grant_type", grantType).detail("error", e.error().code()));
            throw e;
        }
    }

    private static String outcome(TokenResponse answer) {
        return answer instanceof TokenResponse.TokenError error ? error.error().code() : "issued";
    }

    private TokenGrantHandler handler(String grantType) {
        return handlers.stream().filter(h -> h.grantType().equals(grantType)).findFirst()
                .orElseThrow(() -> new OAuth2Exception(OAuth2Error.UNSUPPORTED_GRANT_TYPE, "The grant type is not supported"));
    }
}
