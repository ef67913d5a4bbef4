package dev.gatehouse.selfservice.code;

/** What a one-time code proves. */
public enum CodePurpose {
    VERIFICATION,
    RECOVERY,
    LOGIN
}
