package dev.gatehouse.gateway.rule;

/**
 * A request whose target cannot be judged safely: refused before any rule is consulted. Its {@link Reason}
 * says why in a fixed text that may be shown to the client (it never repeats the client's input).
 */
public class RejectedRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a request target was refused: a stable {@link #id()} and words the client sees. */
    public enum Reason {
        INVALID_METHOD("the method is not an HTTP method token"),
        INVALID_SCHEME("the scheme is neither http nor https"),
        INVALID_HOST("the host is not a host name"),
        URI_TOO_LONG("the URI is longer than " + RequestTarget.MAX_URI_LENGTH + " characters"),
        NOT_ABSOLUTE("the path does not start with /"),
        INVALID_ESCAPE("the path contains an invalid percent-escape"),
        NON_ASCII("the path contains a character that is not percent-encoded"),
        INVALID_UTF8("the path is not valid UTF-8"),
        ENCODED_DOT("the path contains an encoded dot (%2e)"),
        ENCODED_SLASH("the path contains an encoded slash or backslash (%2f, %5c)"),
        DOUBLE_ENCODING("the path is percent-encoded twice"),
        CONTROL_CHARACTER("the path contains a control character"),
        BACKSLASH("the path contains a backslash"),
        SEMICOLON("the path contains a semicolon (path parameters)"),
        DOT_SEGMENT("the path contains a dot segment (. or ..)"),
        EMPTY_SEGMENT("the path contains an empty segment (//)");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        /** The stable id in error bodies, e.g. {@code dot_segment}. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Reason reason;

    public RejectedRequestException(Reason reason) {
        super(reason.text(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
