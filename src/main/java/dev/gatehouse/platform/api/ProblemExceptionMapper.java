package dev.gatehouse.platform.api;

import dev.gatehouse.kernel.log.Logs;

import dev.gatehouse.kernel.BodyTooLargeException;
import dev.gatehouse.kernel.DatabaseFailures;
import dev.gatehouse.kernel.RequestContext;
import dev.gatehouse.kernel.log.LogText;
import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.problem.ProblemFactory;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one mapper of the JSON APIs: every exception becomes an RFC 9457 problem document. Expected
 * failures keep their safe detail; anything unexpected is logged with the request id and answered with
 * a bare 500 — no exception message or stack trace reaches the client.
 */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logs.of(ProblemExceptionMapper.class);

    @Context
    UriInfo uriInfo;

    @Inject
    RequestContext request;

    @Override
    public Response toResponse(Throwable thrown) {
        ApiException problem = classify(thrown);
        if (problem.error() == ApiError.INTERNAL) {
            LOG.log(Level.SEVERE, "Unexpected error in request " + request.requestId(), LogText.throwable(thrown));
        } else if (problem.error() == ApiError.UNAVAILABLE) {
            LOG.warning("Database unavailable during request " + request.requestId());
        } else if (!(thrown instanceof ApiException) && DatabaseFailures.isUnstorableValue(thrown)) {
            LOG.warning("The database refused a value of request " + request.requestId() + " (it slipped past validation)");
        }
        Response.ResponseBuilder response = Response.status(ProblemFactory.status(problem.error()))
                .type(ProblemFactory.MEDIA_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(ProblemFactory.problem(problem, instance(), request.requestId()).toString());
        String retryAfter = ProblemFactory.retryAfter(problem.error());
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        if (thrown instanceof NotAllowedException notAllowed) {
            String allow = notAllowed.getResponse().getHeaderString(HttpHeaders.ALLOW);
            if (allow != null) {
                response.header(HttpHeaders.ALLOW, allow);
            }
        }
        if (thrown instanceof NotAuthorizedException notAuthorized) {
            notAuthorized.getChallenges().forEach(c -> response.header(HttpHeaders.WWW_AUTHENTICATE, c));
        }
        return response.build();
    }

    static ApiException classify(Throwable thrown) {
        if (thrown instanceof ApiException api) {
            return api;
        }
        if (hasCause(thrown, BodyTooLargeException.class)) {
            return new ApiException(ApiError.PAYLOAD_TOO_LARGE, "The request body is larger than allowed");
        }
        if (DatabaseFailures.isUnavailable(thrown)) {
            return new ApiException(ApiError.UNAVAILABLE, "The database is not available; try again shortly");
        }
        if (DatabaseFailures.isUnstorableValue(thrown)) {
            return ApiException.malformed("A value in the request is too long or holds characters that cannot be stored");
        }
        if (thrown instanceof NotFoundException) {
            return new ApiException(ApiError.NOT_FOUND, "No resource at this path");
        }
        if (thrown instanceof NotAllowedException) {
            return new ApiException(ApiError.METHOD_NOT_ALLOWED, "This method is not allowed on this resource");
        }
        if (thrown instanceof NotSupportedException) {
            return new ApiException(ApiError.UNSUPPORTED_MEDIA_TYPE, "This content type is not accepted here");
        }
        if (thrown instanceof NotAcceptableException) {
            return new ApiException(ApiError.NOT_ACCEPTABLE, "No representation matches the Accept header");
        }
        if (thrown instanceof NotAuthorizedException) {
            return new ApiException(ApiError.UNAUTHORIZED, "Authentication is required");
        }
        if (hasCause(thrown, JsonException.class) || hasCause(thrown, JsonbException.class)
                || thrown instanceof ProcessingException || thrown instanceof BadRequestException) {
            return ApiException.malformed("The request could not be parsed");
        }
        if (thrown instanceof WebApplicationException wae && wae.getResponse().getStatus() < 500) {
            return new ApiException(fromStatus(wae.getResponse().getStatus()), null);
        }
        return new ApiException(ApiError.INTERNAL, "An internal error occurred; quote the request id when reporting it");
    }

    private static ApiError fromStatus(int status) {
        return switch (status) {
            case 401 -> ApiError.UNAUTHORIZED;
            case 403 -> ApiError.FORBIDDEN;
            case 404 -> ApiError.NOT_FOUND;
            case 405 -> ApiError.METHOD_NOT_ALLOWED;
            case 406 -> ApiError.NOT_ACCEPTABLE;
            case 409 -> ApiError.CONFLICT;
            case 413 -> ApiError.PAYLOAD_TOO_LARGE;
            case 415 -> ApiError.UNSUPPORTED_MEDIA_TYPE;
            case 422 -> ApiError.VALIDATION_FAILED;
            case 429 -> ApiError.TOO_MANY_REQUESTS;
            default -> ApiError.MALFORMED_REQUEST;
        };
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private String instance() {
        try {
            return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
