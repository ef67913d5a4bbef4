package dev.gatehouse.oauth2.authorize.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "oauth2_login_session")
public class LoginSessionEntity {

    @Id
    UUID id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenantId;
    @Column(nullable = false, updatable = false)
    String subject;
    @Column(name = "cookie_hash", nullable = false, updatable = false)
    String cookieHash;
    @Column(nullable = false)
    boolean remember;
    @Column(name = "identity_session_id")
    String identitySessionId;
    @Column(nullable = false)
    boolean active;
    @Column(name = "authenticated_at", nullable = false)
    Instant authenticatedAt;
    @Column(name = "expires_at")
    Instant expiresAt;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
}
