package dev.gatehouse.oauth2.token;

/** The stored token kinds; {@link #tokenUse()} is Hydra's introspection {@code token_use}. */
public enum TokenKind {
    ACCESS("ory_at_", "access_token"),
    REFRESH("ory_rt_", "refresh_token");

    private final String prefix;
    private final String tokenUse;

    TokenKind(String prefix, String tokenUse) {
        this.prefix = prefix;
        this.tokenUse = tokenUse;
    }

    /** The prefix of an opaque token of this kind. */
    public String prefix() {
        return prefix;
    }

    public String tokenUse() {
        return tokenUse;
    }
}
