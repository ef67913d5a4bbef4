package dev.gatehouse.kernel.problem;

import jakarta.ejb.ApplicationException;

import java.util.List;

/**
 * The one exception type of the JSON APIs. It carries what went wrong ({@link ApiError}), a detail that
 * is safe to show to the client, and, for validation failures, the offending fields. It never carries
 * a cause's message to the client.
 */
@ApplicationException(rollback = true)
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ApiError error;
    private final String detail;
    private final transient List<FieldError> fieldErrors;

    public ApiException(ApiError error, String detail) {
        this(error, detail, List.of());
    }

    public ApiException(ApiError error, String detail, List<FieldError> fieldErrors) {
        super(error.slug() + ": " + detail, null, false, false);
        this.error = error;
        this.detail = detail;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(ApiError.NOT_FOUND, detail);
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(ApiError.VALIDATION_FAILED, message, List.of(new FieldError(field, message)));
    }

    public static ApiException malformed(String detail) {
        return new ApiException(ApiError.MALFORMED_REQUEST, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(ApiError.CONFLICT, detail);
    }

    public ApiError error() {
        return error;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** One field that failed validation: a JSON pointer-like path and a message safe to show. */
    public record FieldError(String field, String message) {
    }
}
