package dev.gatehouse.oauth2.client;

/** A client with this client id exists already in the tenant. */
public class DuplicateClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DuplicateClientException() {
        super("client id taken", null, false, false);
    }
}
