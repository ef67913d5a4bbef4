package dev.gatehouse.identity.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "identity_recovery_address")
public class RecoveryAddressEntity {

    @Id
    UUID id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenantId;
    @ManyToOne(optional = false)
    @JoinColumn(name = "identity_id", nullable = false, updatable = false)
    IdentityEntity identity;
    @Column(nullable = false, updatable = false)
    String via;
    @Column(name = "address", nullable = false, updatable = false)
    String value;
    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected RecoveryAddressEntity() {
    }

    RecoveryAddressEntity(IdentityEntity identity, UUID id) {
        this.id = id;
        this.tenantId = identity.tenantId;
        this.identity = identity;
    }
}
