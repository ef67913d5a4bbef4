package dev.gatehouse.oauth2.client;

import dev.gatehouse.kernel.tenant.TenantId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A client as it is stored: what the protocol endpoints see ({@link OAuth2Client}) plus what only this package
 * handles, the hashes of its secret and of its dynamic-registration access token.
 *
 * @param tenant                the tenant it belongs to
 * @param client                the client
 * @param secretHash            HMAC of the client secret, or its argon2id PHC string if it is short ({@link ClientSecrets});
 *                              empty for {@code none} and {@code private_key_jwt}
 * @param registrationTokenHash HMAC of the RFC 7592 registration access token; empty unless registered dynamically
 * @param updatedAt             when it last changed
 */
public record RegisteredClient(TenantId tenant, OAuth2Client client, Optional<String> secretHash,
                               Optional<String> registrationTokenHash, Instant updatedAt) {

    public RegisteredClient {
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(client);
        Objects.requireNonNull(secretHash);
        Objects.requireNonNull(registrationTokenHash);
        Objects.requireNonNull(updatedAt);
    }

    public String clientId() {
        return client.clientId();
    }

    /** Registered through {@code /oauth2/register} (and managed there with its registration access token). */
    public boolean isDynamic() {
        return registrationTokenHash.isPresent();
    }
}
