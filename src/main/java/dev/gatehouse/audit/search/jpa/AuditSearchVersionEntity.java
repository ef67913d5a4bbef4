package dev.gatehouse.audit.search.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A row of {@code audit_search_version}: one version of a saved search (null document: deleted). */
@Entity
@Table(name = "audit_search_version")
public class AuditSearchVersionEntity {

    @Id
    @Column(name = "uid", length = 36)
    String uid;
    @Column(name = "tenant_id", nullable = false)
    String tenantId;
    @Column(name = "search_id", nullable = false)
    String searchId;
    @Column(name = "version", nullable = false)
    int version;
    @Column(name = "document")
    String document;
    @Column(name = "changed_by")
    String changedBy;
    @Column(name = "reason")
    String reason;
    @Column(name = "changed_at", nullable = false)
    Instant changedAt;

    protected AuditSearchVersionEntity() {
    }
}
