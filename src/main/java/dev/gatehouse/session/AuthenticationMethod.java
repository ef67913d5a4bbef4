package dev.gatehouse.session;

import java.time.Instant;

/** One way the session's holder proved who they are (Kratos' {@code authentication_methods} entry). */
public record AuthenticationMethod(String method, String aal, Instant completedAt) {
}
