package dev.gatehouse.credential.totp;

/** What {@link Totp#verify} decided about a presented code. */
public sealed interface TotpResult {

    /** The code is right for time step {@code step}; store it as the last used step. */
    record Accepted(long step) implements TotpResult {
    }

    /** The code is refused, for {@code reason}. */
    record Refused(Reason reason) implements TotpResult {
    }

    enum Reason {
        /** Not six digits. */
        MALFORMED,
        /** No step in the window has this code. */
        WRONG_CODE,
        /** The code is right, but for a step at or before the last one used: a replay. */
        REPLAYED
    }
}
