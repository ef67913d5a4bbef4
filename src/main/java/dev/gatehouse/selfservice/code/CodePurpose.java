package dev.gatehouse.selfservice.code;

/** What a one-time code proves. */
public enum CodePurpose {
    VERIFICATION,
    RECOVERY,
    LOGIN,
    /** Proves an address before an identity exists: the only purpose that succeeds without an identity. */
    REGISTRATION
}
