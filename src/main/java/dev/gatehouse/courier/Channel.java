package dev.gatehouse.courier;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a message travels, as Kratos' message {@code type}: e-mail over SMTP, or SMS through an HTTP gateway. */
public enum Channel {
    EMAIL, SMS;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> parse(String wire) {
        return Arrays.stream(values()).filter(c -> c.wire().equals(wire)).findFirst();
    }
}
