package dev.gatehouse.session;

import java.time.Instant;

/**
 * One way the session's holder proved who they are (Kratos' {@code authentication_methods} entry).
 *
 * @param via how a one-time code reached them ({@code email} or {@code sms}) for the {@code code} method, so that
 *            the token server can tell an SMS code ({@code amr: sms}) from others; null for other methods
 */
public record AuthenticationMethod(String method, String aal, Instant completedAt, String via) {

    public AuthenticationMethod(String method, String aal, Instant completedAt) {
        this(method, aal, completedAt, null);
    }
}
