package dev.gatehouse.gateway;

import dev.gatehouse.gateway.rule.RejectedRequestException.Reason;

import java.util.Optional;

/**
 * A handler's verdict that the request may not pass: the kind (which picks the status and the error
 * handler) and a reason for the decision log, never shown to the client. A request refused before any
 * rule is consulted also carries its {@link #refusal()}, whose id and fixed text the client is told.
 */
public class GatewayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final Reason refusal;

    public GatewayException(ErrorKind kind, String reason) {
        this(kind, reason, null);
    }

    private GatewayException(ErrorKind kind, String reason, Reason refusal) {
        super(reason, null, false, false);
        this.kind = kind;
        this.refusal = refusal;
    }

    /** 400 for a request whose target cannot be judged safely. */
    public static GatewayException refused(Reason refusal) {
        return new GatewayException(ErrorKind.BAD_REQUEST, refusal.text(), refusal);
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

    public Optional<Reason> refusal() {
        return Optional.ofNullable(refusal);
    }
}
