package dev.gatehouse.identity;

import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One credential of an identity.
 *
 * @param type        password, code, ...
 * @param identifiers the login identifiers it answers to (normalised)
 * @param config      type-specific secret configuration, e.g. {@code {"hashed_password": "$argon2id$..."}};
 *                    never sent to clients
 * @param version     config format version
 */
public record Credential(CredentialType type, List<String> identifiers, JsonObject config, int version,
                         Instant createdAt, Instant updatedAt) {

    public Credential {
        Objects.requireNonNull(type, "type");
        identifiers = List.copyOf(identifiers);
        Objects.requireNonNull(config, "config");
    }
}
