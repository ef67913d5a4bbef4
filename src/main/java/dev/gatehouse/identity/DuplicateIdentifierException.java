package dev.gatehouse.identity;

/** A login identifier or address that another identity of the tenant already has. */
public class DuplicateIdentifierException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DuplicateIdentifierException() {
        super("identifier taken", null, false, false);
    }
}
