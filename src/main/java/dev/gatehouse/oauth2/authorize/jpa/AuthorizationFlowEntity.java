package dev.gatehouse.oauth2.authorize.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "oauth2_flow")
public class AuthorizationFlowEntity {

    @Id
    UUID id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenantId;
    @Column(name = "client_id", nullable = false, updatable = false)
    String clientId;
    @Column(nullable = false)
    String state;
    @Column(name = "request_url", nullable = false, updatable = false)
    String requestUrl;
    @Column(nullable = false, updatable = false)
    String request;
    @Column(name = "csrf_hash", nullable = false, updatable = false)
    String csrfHash;
    @Column(name = "login_challenge_hash", nullable = false, updatable = false)
    String loginChallengeHash;
    @Column(name = "login_verifier_hash")
    String loginVerifierHash;
    @Column(name = "consent_challenge_hash")
    String consentChallengeHash;
    @Column(name = "consent_verifier_hash")
    String consentVerifierHash;
    @Column(name = "login_skip", nullable = false)
    boolean loginSkip;
    @Column
    String subject;
    @Column(name = "login_session_id")
    String loginSessionId;
    @Column(name = "identity_session_id")
    String identitySessionId;
    @Column(name = "login_remember", nullable = false)
    boolean loginRemember;
    @Column(name = "login_remember_for")
    Long loginRememberFor;
    @Column
    String acr;
    @Column
    String amr;
    @Column(name = "login_context")
    String loginContext;
    @Column(name = "auth_time")
    Instant authTime;
    @Column(name = "consent_skip", nullable = false)
    boolean consentSkip;
    @Column(name = "granted_scope")
    String grantedScope;
    @Column(name = "granted_audience")
    String grantedAudience;
    @Column(name = "consent_remember", nullable = false)
    boolean consentRemember;
    @Column(name = "consent_remember_for")
    Long consentRememberFor;
    @Column(name = "session_id_token")
    String sessionIdToken;
    @Column(name = "session_access_token")
    String sessionAccessToken;
    @Column
    String rejection;
    @Column(name = "requested_at", nullable = false)
    Instant requestedAt;
    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
}
