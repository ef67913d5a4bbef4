package dev.gatehouse.credential.password;

/**
 * A stored or imported password hash that Gatehouse cannot verify: an unknown scheme, a malformed
 * string, or parameters outside the bounds {@link PhcHash} accepts. The message says which rule was
 * broken and never contains any part of the hash, so it is safe to log and to show to an administrator.
 */
public class InvalidPasswordHashException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidPasswordHashException(String problem) {
        super("Unusable password hash: " + problem);
    }
}
