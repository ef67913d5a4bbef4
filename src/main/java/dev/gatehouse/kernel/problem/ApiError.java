package dev.gatehouse.kernel.problem;

/**
 * The kinds of failure the JSON APIs report. The HTTP status for each is chosen in one place,
 * {@link ProblemFactory}, never where the error is raised.
 */
public enum ApiError {
    MALFORMED_REQUEST("malformed-request", "The request could not be parsed"),
    /** The request names a host this server does not serve (neither its public URL nor a tenant's host). */
    UNKNOWN_HOST("unknown-host", "Unknown host"),
    VALIDATION_FAILED("validation-failed", "The request is not valid"),
    /** Well-formed and valid, but the operation does not apply to the resource it names. */
    NOT_APPLICABLE("not-applicable", "The operation does not apply to this resource"),
    UNAUTHORIZED("unauthorized", "Authentication is required"),
    FORBIDDEN("forbidden", "Not allowed"),
    NOT_FOUND("not-found", "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", "No acceptable representation"),
    CONFLICT("conflict", "Conflict with the current state"),
    PAYLOAD_TOO_LARGE("payload-too-large", "The request body is too large"),
    URI_TOO_LONG("uri-too-long", "The request URL is too long"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type"),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests"),
    UNAVAILABLE("unavailable", "The service is not available right now"),
    INTERNAL("internal", "Internal error");

    private final String slug;
    private final String title;

    ApiError(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    /** A stable identifier clients can key on; also the last segment of the problem {@code type} URI. */
    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }
}
