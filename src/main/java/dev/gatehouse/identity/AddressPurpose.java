package dev.gatehouse.identity;

/** Which of an identity's address lists: the addresses to verify, or the addresses to recover the account by. */
public enum AddressPurpose {
    VERIFICATION,
    RECOVERY
}
