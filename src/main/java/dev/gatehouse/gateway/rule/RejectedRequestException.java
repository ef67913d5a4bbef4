package dev.gatehouse.gateway.rule;

/**
 * A request whose target cannot be normalised safely (traversal, encoded slashes, double encoding, bad
 * host, overlong URI). It is refused before any rule is consulted. The reason is for the decision log.
 */
public class RejectedRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RejectedRequestException(String reason) {
        super(reason, null, false, false);
    }
}
