package dev.gatehouse.kernel.problem;

import dev.gatehouse.kernel.JsonP;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * Builds RFC 9457 problem details. The only place that decides which HTTP status an {@link ApiError} gets.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9457">RFC 9457</a>
 */
public final class ProblemFactory {

    public static final String MEDIA_TYPE = "application/problem+json";
    /**
     * {@code Retry-After} (seconds) of a 503 for a database that is not there: about what a restart or a failover to
     * a standby takes, so a client that honours it comes back when the next attempt has a chance.
     */
    public static final String UNAVAILABLE_RETRY_AFTER = "5";
    private static final String TYPE_BASE = "https://gatehouse.dev/problems/";

    private ProblemFactory() {
    }

    public static int status(ApiError error) {
        return switch (error) {
            case MALFORMED_REQUEST -> 400;
            case UNKNOWN_HOST -> 400;
            case VALIDATION_FAILED -> 422;
            case NOT_APPLICABLE -> 400;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case NOT_ACCEPTABLE -> 406;
            case CONFLICT -> 409;
            case PAYLOAD_TOO_LARGE -> 413;
            case URI_TOO_LONG -> 414;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case TOO_MANY_REQUESTS -> 429;
            case UNAVAILABLE -> 503;
            case INTERNAL -> 500;
        };
    }

    /** The {@code Retry-After} header a problem of {@code error} carries, or {@code null}: only 503s say when to come back. */
    public static String retryAfter(ApiError error) {
        return error == ApiError.UNAVAILABLE ? UNAVAILABLE_RETRY_AFTER : null;
    }

    public static JsonObject problem(ApiException e, String instance, String requestId) {
        JsonObjectBuilder b = base(e.error(), e.detail(), instance, requestId);
        if (!e.fieldErrors().isEmpty()) {
            JsonArrayBuilder errors = JsonP.createArrayBuilder();
            e.fieldErrors().forEach(f -> errors.add(JsonP.createObjectBuilder()
                    .add("field", f.field())
                    .add("message", f.message())));
            b.add("errors", errors);
        }
        return b.build();
    }

    public static JsonObject problem(ApiError error, String detail, String instance, String requestId) {
        return base(error, detail, instance, requestId).build();
    }

    private static JsonObjectBuilder base(ApiError error, String detail, String instance, String requestId) {
        JsonObjectBuilder b = JsonP.createObjectBuilder()
                .add("type", TYPE_BASE + error.slug())
                .add("title", error.title())
                .add("status", status(error));
        if (detail != null && !detail.isBlank()) {
            b.add("detail", detail);
        }
        if (instance != null) {
            b.add("instance", instance);
        }
        if (requestId != null) {
            b.add("request_id", requestId);
        }
        return b;
    }
}
