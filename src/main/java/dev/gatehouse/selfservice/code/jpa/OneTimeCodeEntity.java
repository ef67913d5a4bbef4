package dev.gatehouse.selfservice.code.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "one_time_code")
public class OneTimeCodeEntity {

    @Id
    UUID id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenantId;
    // nullable and foreign UUIDs kept as text, as in selfservice_flow
    @Column(name = "flow_id", nullable = false, updatable = false)
    String flowId;
    @Column(nullable = false, updatable = false)
    String purpose;
    @Column(nullable = false, updatable = false)
    String address;
    @Column(name = "code_hash", nullable = false, updatable = false)
    String codeHash;
    @Column(name = "identity_id", updatable = false)
    String identityId;
    @Column(nullable = false)
    int attempts;
    @Column(name = "expires_at", nullable = false, updatable = false)
    Instant expiresAt;
    @Column(name = "used_at")
    Instant usedAt;
    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;
    @Column(name = "link_hash", updatable = false)
    String linkHash;
    @Column(updatable = false)
    String traits;
}
