package dev.gatehouse.credential.lookup;

/** What {@link RecoveryCodes#redeem} decided about a presented recovery code. */
public sealed interface Redemption {

    /** The code was unused and is now marked used in {@code updated}, which the caller stores. */
    record Redeemed(RecoveryCodeSet updated) implements Redemption {
    }

    /** The code belongs to the set but was used before (Kratos' "already used" message). */
    record AlreadyUsed() implements Redemption {
    }

    /** The code is not in the set (Kratos' "not valid" message). */
    record Invalid() implements Redemption {
    }
}
