package dev.gatehouse.session.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "identity_session")
public class SessionEntity {

    @Id
    UUID id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenantId;
    @Column(name = "identity_id", nullable = false, updatable = false)
    UUID identityId;
    @Column(name = "token_hash", nullable = false, updatable = false)
    String tokenHash;
    @Column(nullable = false)
    boolean active;
    @Column(nullable = false)
    String aal;
    @Column(name = "authentication_methods", nullable = false)
    String methods;
    @Column(name = "issued_at", nullable = false)
    Instant issuedAt;
    @Column(name = "authenticated_at", nullable = false)
    Instant authenticatedAt;
    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;
    @Column(name = "ip_address")
    String ipAddress;
    @Column(name = "user_agent")
    String userAgent;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
}
