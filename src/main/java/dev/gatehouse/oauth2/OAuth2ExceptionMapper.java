package dev.gatehouse.oauth2;

import dev.gatehouse.kernel.JsonP;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Writes every {@link OAuth2Exception} as RFC 6749 §5.2 JSON with {@code Cache-Control: no-store} and
 * {@code Pragma: no-cache}. The status comes from the error code alone, but for a locked client (429 with
 * {@code Retry-After}). Errors that must travel by redirect
 * (authorization endpoint, after the redirect URI is validated) are not thrown but redirected by their endpoint.
 */
@Provider
public class OAuth2ExceptionMapper implements ExceptionMapper<OAuth2Exception> {

    private static final int TOO_MANY_REQUESTS = 429;

    @Override
    public Response toResponse(OAuth2Exception e) {
        Response.ResponseBuilder response = Response.status(e.retryAfter().isPresent() ? TOO_MANY_REQUESTS : status(e.error()))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .entity(JsonP.createObjectBuilder()
                        .add("error", e.error().code())
                        .add("error_description", e.description())
                        .build().toString());
        // whole seconds, rounded up: a client that waits exactly this long is let through
        e.retryAfter().ifPresent(wait -> response.header(HttpHeaders.RETRY_AFTER,
                Math.max(1, wait.toSeconds() + (wait.getNano() > 0 ? 1 : 0))));
        if (e.error() == OAuth2Error.INVALID_CLIENT && e.basicChallenge()) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"gatehouse\"");
        }
        if (e.error() == OAuth2Error.INVALID_TOKEN || e.error() == OAuth2Error.INSUFFICIENT_SCOPE) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"" + e.error().code() + "\"");
        }
        return response.build();
    }

    public static int status(OAuth2Error error) {
        return switch (error) {
            case INVALID_CLIENT, INVALID_TOKEN -> 401;
            case INSUFFICIENT_SCOPE, ACCESS_DENIED -> 403;
            case SERVER_ERROR -> 500;
            case TEMPORARILY_UNAVAILABLE -> 503;
            default -> 400;
        };
    }
}
