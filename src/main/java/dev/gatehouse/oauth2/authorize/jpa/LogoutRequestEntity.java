package dev.gatehouse.oauth2.authorize.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "oauth2_logout_request")
public class LogoutRequestEntity {

    @Id
    UUID id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenantId;
    @Column(name = "challenge_hash", nullable = false, updatable = false)
    String challengeHash;
    @Column(name = "verifier_hash")
    String verifierHash;
    @Column(name = "csrf_hash", nullable = false, updatable = false)
    String csrfHash;
    @Column(nullable = false)
    String status;
    @Column(updatable = false)
    String subject;
    @Column(name = "login_session_id", updatable = false)
    String loginSessionId;
    @Column(name = "client_id", updatable = false)
    String clientId;
    @Column(name = "rp_initiated", nullable = false, updatable = false)
    boolean rpInitiated;
    @Column(name = "rp_verified", nullable = false, updatable = false)
    boolean rpVerified;
    @Column(name = "post_logout_redirect_uri", updatable = false)
    String postLogoutRedirectUri;
    @Column(name = "rp_state", updatable = false)
    String rpState;
    @Column(name = "request_url", nullable = false, updatable = false)
    String requestUrl;
    @Column(name = "expires_at", nullable = false, updatable = false)
    Instant expiresAt;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
}
