package dev.gatehouse.oauth2;

/**
 * The error codes of the protocol endpoints: RFC 6749 §4.1.2.1 and §5.2, RFC 7009, RFC 7591 §3.2.2,
 * RFC 6750 §3.1 and OpenID Connect Core §3.1.2.6. {@link #code()} is what goes over the wire; the HTTP status
 * is chosen by {@link OAuth2ExceptionMapper}, never where the error is thrown.
 */
public enum OAuth2Error {
    INVALID_REQUEST("invalid_request"),
    INVALID_CLIENT("invalid_client"),
    INVALID_GRANT("invalid_grant"),
    UNAUTHORIZED_CLIENT("unauthorized_client"),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type"),
    UNSUPPORTED_RESPONSE_TYPE("unsupported_response_type"),
    UNSUPPORTED_TOKEN_TYPE("unsupported_token_type"),
    INVALID_SCOPE("invalid_scope"),
    INVALID_TOKEN("invalid_token"),
    INSUFFICIENT_SCOPE("insufficient_scope"),
    ACCESS_DENIED("access_denied"),
    LOGIN_REQUIRED("login_required"),
    CONSENT_REQUIRED("consent_required"),
    INTERACTION_REQUIRED("interaction_required"),
    /** OpenID Connect Unmet Authentication Requirements 1.0: the requested {@code acr} cannot be met. */
    UNMET_AUTHENTICATION_REQUIREMENTS("unmet_authentication_requirements"),
    INVALID_REQUEST_OBJECT("invalid_request_object"),
    REQUEST_NOT_SUPPORTED("request_not_supported"),
    REQUEST_URI_NOT_SUPPORTED("request_uri_not_supported"),
    REGISTRATION_NOT_SUPPORTED("registration_not_supported"),
    INVALID_REDIRECT_URI("invalid_redirect_uri"),
    INVALID_CLIENT_METADATA("invalid_client_metadata"),
    SERVER_ERROR("server_error"),
    TEMPORARILY_UNAVAILABLE("temporarily_unavailable");

    private final String code;

    OAuth2Error(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
