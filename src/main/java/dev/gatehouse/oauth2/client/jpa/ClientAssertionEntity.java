package dev.gatehouse.oauth2.client.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A {@code jti} of a client assertion seen until it expires (replay protection). */
@Entity
@Table(name = "oauth2_client_assertion")
public class ClientAssertionEntity {

    @Id
    UUID id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenantId;
    @Column(name = "client_id", nullable = false, updatable = false)
    String clientId;
    @Column(nullable = false, updatable = false)
    String jti;
    @Column(name = "expires_at", nullable = false, updatable = false)
    Instant expiresAt;

    protected ClientAssertionEntity() {
    }

    ClientAssertionEntity(UUID id, String tenantId, String clientId, String jti, Instant expiresAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.clientId = clientId;
        this.jti = jti;
        this.expiresAt = expiresAt;
    }
}
