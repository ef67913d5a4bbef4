package dev.gatehouse.identity.schema;

import java.util.Objects;

/**
 * A verifiable or recoverable address found in an identity's traits.
 *
 * @param via   how it is reached, as the schema says ({@code "email"} or {@code "sms"})
 * @param value the address, normalised like an identifier (an email address trimmed and lower-cased)
 */
public record Address(String via, String value) {

    public Address {
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(value, "value");
    }
}
