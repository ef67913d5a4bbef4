package dev.gatehouse.audit.search.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A row of {@code audit_search}: a tenant's saved search as it is now (its compact JSON form in {@code document}). */
@Entity
@Table(name = "audit_search")
public class AuditSearchEntity {

    @Id
    @Column(name = "id", length = 36)
    String id;
    @Column(name = "tenant_id", nullable = false)
    String tenantId;
    @Column(name = "name", nullable = false)
    String name;
    @Column(name = "version", nullable = false)
    int version;
    @Column(name = "document", nullable = false)
    String document;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected AuditSearchEntity() {
    }
}
