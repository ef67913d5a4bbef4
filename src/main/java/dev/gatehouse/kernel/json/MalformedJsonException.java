package dev.gatehouse.kernel.json;

/**
 * A JSON document from outside that {@link BoundedJson} refuses. The reason completes a sentence about the
 * document ("is nested more than 32 levels deep") and is safe to show: it never quotes the document.
 */
public class MalformedJsonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedJsonException(String reason) {
        super(reason, null, false, false);
    }

    public String reason() {
        return getMessage();
    }
}
