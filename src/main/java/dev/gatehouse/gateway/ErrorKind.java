package dev.gatehouse.gateway;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a request was not let through, with Oathkeeper's names (used in error handlers' {@code when}
 * conditions) and the HTTP status the {@code json} handler answers with.
 */
public enum ErrorKind {
    BAD_REQUEST(400, "Bad Request", "The request is malformed"),
    UNAUTHORIZED(401, "Unauthorized", "Access credentials are invalid"),
    FORBIDDEN(403, "Forbidden", "Access credentials are not sufficient to access this resource"),
    NOT_FOUND(404, "Not Found", "Requested url does not match any rules"),
    PAYLOAD_TOO_LARGE(413, "Payload Too Large", "The request body is too large"),
    INTERNAL_SERVER_ERROR(500, "Internal Server Error", "An internal server error occurred, please contact the system administrator"),
    BAD_GATEWAY(502, "Bad Gateway", "The upstream could not be reached"),
    SERVICE_UNAVAILABLE(503, "Service Unavailable", "Too many requests are waiting for the upstream"),
    GATEWAY_TIMEOUT(504, "Gateway Timeout", "The upstream did not answer in time");

    private final int status;
    private final String statusText;
    private final String message;

    ErrorKind(int status, String statusText, String message) {
        this.status = status;
        this.statusText = statusText;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public String statusText() {
        return statusText;
    }

    /** The message the client sees; never the internal reason. */
    public String message() {
        return message;
    }

    /** The name in error handler {@code when} conditions, e.g. {@code unauthorized}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ErrorKind> ofWireName(String name) {
        for (ErrorKind k : values()) {
            if (k.wireName().equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
