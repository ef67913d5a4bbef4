package dev.gatehouse.gateway;

/**
 * The four kinds of handler a rule names, in the order a decision runs them. {@link #key()} is the word rule
 * documents use ({@code "authenticators": [...]}) and the one in each handler's settings,
 * {@code gatehouse.gateway.<key>.<handler>.enabled} and {@code .config}.
 */
public enum HandlerKind {

    AUTHENTICATORS("authenticators"),
    AUTHORIZERS("authorizers"),
    MUTATORS("mutators"),
    ERRORS("errors");

    private final String key;

    HandlerKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The prefix of this handler's settings: {@code gatehouse.gateway.mutators.hydrator}. */
    public String property(String handler) {
        return "gatehouse.gateway." + key + "." + handler;
    }
}
