package dev.gatehouse.selfservice;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How verification and recovery prove that someone holds an address (Kratos' {@code code} and {@code link}
 * methods): a six-digit code to type in, or a single-use link to open.
 */
public enum AddressProof {
    CODE, LINK;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AddressProof> parse(String wire) {
        return Arrays.stream(values()).filter(m -> m.wire().equals(wire)).findFirst();
    }
}
