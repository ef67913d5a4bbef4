package dev.gatehouse.oauth2.token.api;

import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.oauth2.OAuth2Error;
import dev.gatehouse.oauth2.OAuth2Exception;
import dev.gatehouse.oauth2.token.FormParameters;
import dev.gatehouse.oauth2.token.TokenIntrospection;
import dev.gatehouse.oauth2.token.TokenKind;
import dev.gatehouse.oauth2.token.Userinfo;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.util.Optional;

/**
 * OpenID Connect Core §5.3 userinfo, by GET or POST, with the access token in the {@code Authorization} header
 * or (POST only) in an {@code access_token} form parameter (RFC 6750 §2.1, §2.2), never both. A missing, unknown,
 * expired or revoked token is {@code invalid_token} (401 with {@code WWW-Authenticate: Bearer}).
 */
@Path("userinfo")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserinfoResource {

    @Inject
    TokenIntrospection tokens;
    @Inject
    Userinfo userinfo;
    @Inject
    CurrentTenant tenant;

    /** One transaction for the token's and the identity's reads (nothing slow runs in it: userinfo is not signed). */
    @GET
    @Transactional
    public Response get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return answer(bearer(authorization).orElseThrow(UserinfoResource::noToken));
    }

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                         MultivaluedMap<String, String> form) {
        Optional<String> header = bearer(authorization);
        Optional<String> body = FormParameters.parse(form).optional("access_token");
        if (header.isPresent() && body.isPresent()) {
            throw OAuth2Exception.invalidRequest("The access token must be sent one way only");
        }
        return answer(header.or(() -> body).orElseThrow(UserinfoResource::noToken));
    }

    private Response answer(String token) {
        TokenIntrospection.Live live = tokens.live(tenant.id(), token)
                .filter(l -> l.token().kind() == TokenKind.ACCESS)
                .orElseThrow(() -> new OAuth2Exception(OAuth2Error.INVALID_TOKEN, "The access token is unknown, expired or revoked"));
        if (!live.token().scopes().contains("openid")) {
            throw new OAuth2Exception(OAuth2Error.INSUFFICIENT_SCOPE, "The access token was not granted the openid scope");
        }
        return NoStore.ok(userinfo.of(tenant.id(), live));
    }

    private static Optional<String> bearer(String header) {
        if (header == null || header.length() <= 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).trim()).filter(t -> !t.isEmpty());
    }

    private static OAuth2Exception noToken() {
        return new OAuth2Exception(OAuth2Error.INVALID_TOKEN, "An access token is required");
    }
}
