package dev.gatehouse.selfservice.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "selfservice_flow")
public class FlowEntity {

    @Id
    UUID id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenantId;
    @Column(nullable = false, updatable = false)
    String kind;
    @Column(nullable = false, updatable = false)
    String flavor;
    @Column(nullable = false)
    String state;
    @Column(name = "request_url", nullable = false, updatable = false)
    String requestUrl;
    @Column(name = "return_to", updatable = false)
    String returnTo;
    // set once: at creation, or (an admin's recovery flow) when its link is first opened in a browser
    @Column(name = "csrf_hash")
    String csrfHash;
    // nullable UUIDs kept as text: EclipseLink binds a null UUID as VARCHAR, which PostgreSQL refuses for uuid
    @Column(name = "identity_id", updatable = false)
    String identityId;
    @Column(name = "session_id", updatable = false)
    String sessionId;
    @Column(nullable = false, updatable = false)
    boolean refresh;
    @Column(nullable = false)
    String ui;
    @Column(name = "issued_at", nullable = false, updatable = false)
    Instant issuedAt;
    @Column(name = "expires_at", nullable = false, updatable = false)
    Instant expiresAt;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
}
