package dev.gatehouse.tenant;

/** A tenant id or host name that is already taken. */
public class DuplicateTenantException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DuplicateTenantException(String what) {
        super(what, null, false, false);
    }
}
