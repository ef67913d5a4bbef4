package dev.gatehouse.session;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One way the session's holder proved who they are (Kratos' {@code authentication_methods} entry).
 *
 * @param via how a one-time code reached its holder ({@code sms}, {@code email}), for methods that send one; empty
 *            when the method sends nothing or did not say
 */
public record AuthenticationMethod(String method, String aal, Instant completedAt, Optional<String> via) {

    public AuthenticationMethod {
        Objects.requireNonNull(method);
        Objects.requireNonNull(via);
    }

    public AuthenticationMethod(String method, String aal, Instant completedAt) {
        this(method, aal, completedAt, Optional.empty());
    }
}
