package dev.gatehouse.oauth2.consent.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "oauth2_consent_session")
public class ConsentSessionEntity {

    @Id
    UUID id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenantId;
    @Column(nullable = false, updatable = false)
    String subject;
    @Column(name = "client_id", nullable = false, updatable = false)
    String clientId;
    @Column(name = "login_session_id", updatable = false)
    String loginSessionId;
    @Column(name = "requested_scope", nullable = false, updatable = false)
    String requestedScope;
    @Column(name = "requested_audience", nullable = false, updatable = false)
    String requestedAudience;
    @Column(name = "granted_scope", nullable = false, updatable = false)
    String grantedScope;
    @Column(name = "granted_audience", nullable = false, updatable = false)
    String grantedAudience;
    @Column(nullable = false, updatable = false)
    boolean remember;
    @Column(name = "remember_for", nullable = false, updatable = false)
    long rememberFor;
    @Column(name = "session_id_token", nullable = false, updatable = false)
    String sessionIdToken;
    @Column(name = "session_access_token", nullable = false, updatable = false)
    String sessionAccessToken;
    @Column(name = "request_url", nullable = false, updatable = false)
    String requestUrl;
    @Column(name = "handled_at", nullable = false, updatable = false)
    Instant handledAt;
    @Column(name = "expires_at", updatable = false)
    Instant expiresAt;
    @Column(nullable = false)
    boolean active;
}
