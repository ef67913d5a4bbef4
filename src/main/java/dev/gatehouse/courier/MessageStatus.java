package dev.gatehouse.courier;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a message is in its life. Kratos' names where they fit, plus {@code held} for mail kept for the
 * dev outbox because no SMTP server is configured.
 * <pre>
 *   queued ──claim──▶ processing ──ok──▶ sent
 *     ▲                  │ fail (n &lt; max)      │ fail (n = max) ──▶ abandoned
 *     └──────────────────┘   (node died: due again after the processing timeout)
 *   held (no SMTP configured) ──next start with SMTP──▶ queued (if younger than held-max-age) or abandoned
 * </pre>
 */
public enum MessageStatus {
    QUEUED, PROCESSING, SENT, ABANDONED, HELD;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MessageStatus> parse(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
    }
}
