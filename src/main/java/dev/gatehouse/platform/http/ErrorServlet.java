package dev.gatehouse.platform.http;

import dev.gatehouse.kernel.log.Logs;

import dev.gatehouse.kernel.DatabaseFailures;
import dev.gatehouse.kernel.RequestAttributes;
import dev.gatehouse.kernel.log.LogText;
import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.problem.ProblemFactory;
import dev.gatehouse.kernel.problem.ProblemWriter;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The container's error page (web.xml): whatever escapes a filter, a servlet or a Faces page ends here and
 * is answered as a problem document, or a plain page for browsers, without any detail of the failure.
 * Its exact mapping keeps it out of the JAX-RS application's reach.
 */
@WebServlet(name = "error", urlPatterns = "/gatehouse-error")
public class ErrorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logs.of(ErrorServlet.class);

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (failure == null && code == null) {
            // asked for directly, not as an error page
            ProblemWriter.write(request, response, ApiError.NOT_FOUND, "No resource at this path");
            return;
        }
        int status = code instanceof Integer i ? i : 500;
        Optional<ApiException> expected = cause(failure, ApiException.class);
        ApiError error = expected.map(ApiException::error).orElseGet(() -> classify(failure, status));
        String detail = expected.map(ApiException::detail).orElse(null);
        if (failure != null && error == ApiError.INTERNAL) {
            LOG.log(Level.SEVERE, "Unhandled failure in " + LogText.bounded(String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)), 256),
                    LogText.throwable(failure));
        }
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("text/html")) {
            Object requestId = request.getAttribute(RequestAttributes.REQUEST_ID);
            response.setStatus(ProblemFactory.status(error));
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Gatehouse</title></head>"
                    + "<body><h1>" + error.title() + "</h1>"
                    + (requestId == null ? "" : "<p>If this keeps happening, quote the request id " + requestId + " to your administrator.</p>")
                    + "<p><a href=\"/\">Gatehouse</a></p></body></html>");
            return;
        }
        ProblemWriter.write(request, response, error, detail);
    }

    private static <T extends Throwable> Optional<T> cause(Throwable failure, Class<T> type) {
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return Optional.of(type.cast(c));
            }
        }
        return Optional.empty();
    }

    /** Liberty refuses request URIs with encoded slashes or bad escapes (message CWWWC0005I): the client's fault. */
    private static boolean isRejectedUri(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && c.getMessage().contains("CWWWC0005I")) {
                return true;
            }
        }
        return false;
    }

    private static ApiError classify(Throwable failure, int status) {
        if (failure != null) {
            if (isRejectedUri(failure) || DatabaseFailures.isUnstorableValue(failure)) {
                return ApiError.MALFORMED_REQUEST;
            }
            if (DatabaseFailures.isUnavailable(failure)) {
                return ApiError.UNAVAILABLE;
            }
            if (status < 400 || status >= 500) {
                return ApiError.INTERNAL;
            }
            // the container said what it was (a file that is not there, under WEB-INF for instance): go by its status
        }
        return switch (status) {
            case 400 -> ApiError.MALFORMED_REQUEST;
            case 401 -> ApiError.UNAUTHORIZED;
            case 403 -> ApiError.FORBIDDEN;
            case 404 -> ApiError.NOT_FOUND;
            case 405 -> ApiError.METHOD_NOT_ALLOWED;
            case 413 -> ApiError.PAYLOAD_TOO_LARGE;
            case 414 -> ApiError.URI_TOO_LONG;
            case 415 -> ApiError.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ApiError.UNAVAILABLE;
            default -> status >= 500 ? ApiError.INTERNAL : ApiError.MALFORMED_REQUEST;
        };
    }
}
