package dev.gatehouse.identity.schema;

/**
 * The credential types whose identifier an identity schema names, as {@code "ory.sh/kratos": {"credentials":
 * {"<kind>": {"identifier": true}}}} on a trait.
 */
public enum CredentialKind {
    PASSWORD("password"),
    CODE("code"),
    WEBAUTHN("webauthn");

    private final String extensionKey;

    CredentialKind(String extensionKey) {
        this.extensionKey = extensionKey;
    }

    /** The key under {@code credentials} in the schema extension. */
    public String extensionKey() {
        return extensionKey;
    }
}
