package dev.gatehouse.gateway;

/**
 * A handler's verdict that the request may not pass: the kind (which picks the status and the error
 * handler) and a reason for the decision log, never shown to the client.
 */
public class GatewayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;

    public GatewayException(ErrorKind kind, String reason) {
        super(reason, null, false, false);
        this.kind = kind;
    }

    public static GatewayException unauthorized(String reason) {
        return new GatewayException(ErrorKind.UNAUTHORIZED, reason);
    }

    public static GatewayException forbidden(String reason) {
        return new GatewayException(ErrorKind.FORBIDDEN, reason);
    }

    public static GatewayException internal(String reason) {
        return new GatewayException(ErrorKind.INTERNAL_SERVER_ERROR, reason);
    }

    public ErrorKind kind() {
        return kind;
    }

    public String reason() {
        return getMessage();
    }
}
