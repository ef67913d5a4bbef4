package dev.gatehouse.identity;

import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An identity: who someone is (traits) and how they prove it (credentials).
 *
 * @param metadataPublic visible to the identity itself; {@link JsonValue#NULL} when absent
 * @param metadataAdmin  visible only through the admin API; {@link JsonValue#NULL} when absent
 * @param version        optimistic-lock version of the stored row (0 for a new identity)
 */
public record Identity(IdentityId id, TenantId tenant, String schemaId, IdentityState state, Instant stateChangedAt,
                       JsonObject traits, JsonValue metadataPublic, JsonValue metadataAdmin,
                       List<VerifiableAddress> verifiableAddresses, List<RecoveryAddress> recoveryAddresses,
                       Map<CredentialType, Credential> credentials, Instant createdAt, Instant updatedAt,
                       long version) {

    public Identity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(schemaId, "schemaId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(traits, "traits");
        metadataPublic = metadataPublic == null ? JsonValue.NULL : metadataPublic;
        metadataAdmin = metadataAdmin == null ? JsonValue.NULL : metadataAdmin;
        verifiableAddresses = List.copyOf(verifiableAddresses);
        recoveryAddresses = List.copyOf(recoveryAddresses);
        credentials = Map.copyOf(credentials);
    }

    public Optional<Credential> credential(CredentialType type) {
        return Optional.ofNullable(credentials.get(type));
    }

    public boolean isActive() {
        return state == IdentityState.ACTIVE;
    }
}
