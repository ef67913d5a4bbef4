package dev.gatehouse.oauth2.token.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code oauth2_grant}: one authorization code's grant, or one client_credentials issuance. */
@Entity
@Table(name = "oauth2_grant")
public class GrantEntity {

    @Id
    UUID id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenantId;
    @Column(name = "client_id", nullable = false, updatable = false)
    String clientId;
    @Column(nullable = false, updatable = false)
    String subject;
    @Column(name = "grant_type", nullable = false, updatable = false)
    String grantType;
    @Column(name = "granted_scope", nullable = false, updatable = false)
    String grantedScope;
    @Column(name = "granted_audience", nullable = false, updatable = false)
    String grantedAudience;
    @Column(name = "redirect_uri", updatable = false)
    String redirectUri;
    @Column(name = "code_challenge", updatable = false)
    String codeChallenge;
    @Column(updatable = false)
    String nonce;
    @Column(name = "auth_time", updatable = false)
    Instant authTime;
    @Column(updatable = false)
    String acr;
    @Column(nullable = false, updatable = false)
    String amr;
    @Column(name = "session_ref", updatable = false)
    String sessionRef;
    @Column(name = "consent_request_id", updatable = false)
    String consentRequestId;
    @Column(name = "id_token_claims", nullable = false, updatable = false)
    String idTokenClaims;
    @Column(name = "access_token_claims", nullable = false, updatable = false)
    String accessTokenClaims;
    @Column(name = "code_hash", updatable = false)
    String codeHash;
    @Column(name = "code_expires_at", updatable = false)
    Instant codeExpiresAt;
    @Column(name = "code_used_at")
    Instant codeUsedAt;
    @Column(name = "requested_at", nullable = false, updatable = false)
    Instant requestedAt;
    @Column(name = "revoked_at")
    Instant revokedAt;
    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;
}
