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
 * @param lastUsedAt  when it last proved a sign-in; null if it never did (or before this was kept). Only the sign-in
 *                    sets it ({@link IdentityRepository#markUsed}); storing a credential leaves it as it is.
 */
public record Credential(CredentialType type, List<String> identifiers, JsonObject config, int version,
                         Instant createdAt, Instant updatedAt, Instant lastUsedAt) {

    public Credential {
        Objects.requireNonNull(type, "type");
        identifiers = List.copyOf(identifiers);
        Objects.requireNonNull(config, "config");
    }

    /** A credential as it is made or changed: its last use is the sign-in's to record. */
    public Credential(CredentialType type, List<String> identifiers, JsonObject config, int version,
                      Instant createdAt, Instant updatedAt) {
        this(type, identifiers, config, version, createdAt, updatedAt, null);
    }
}
