package dev.gatehouse.kernel;

import java.io.IOException;

/** Raised while reading a request body that grows past the configured limit. */
public class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    public BodyTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
    }
}
