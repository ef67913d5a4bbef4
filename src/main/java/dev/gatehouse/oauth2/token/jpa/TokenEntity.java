package dev.gatehouse.oauth2.token.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code oauth2_token}: an access or refresh token of a grant, by the HMAC of its value. */
@Entity
@Table(name = "oauth2_token")
public class TokenEntity {

    @Id
    UUID id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenantId;
    @Column(name = "grant_id", nullable = false, updatable = false)
    UUID grantId;
    @Column(nullable = false, updatable = false)
    String kind;
    @Column(name = "token_hash", nullable = false, updatable = false)
    String tokenHash;
    @Column(updatable = false)
    String jti;
    @Column(name = "client_id", nullable = false, updatable = false)
    String clientId;
    @Column(nullable = false, updatable = false)
    String subject;
    @Column(name = "granted_scope", nullable = false, updatable = false)
    String grantedScope;
    @Column(name = "granted_audience", nullable = false, updatable = false)
    String grantedAudience;
    @Column(name = "issued_at", nullable = false, updatable = false)
    Instant issuedAt;
    @Column(name = "expires_at", nullable = false, updatable = false)
    Instant expiresAt;
    @Column(name = "rotated_at")
    Instant rotatedAt;
    @Column(name = "revoked_at")
    Instant revokedAt;
}
