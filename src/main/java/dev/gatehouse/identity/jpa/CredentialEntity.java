package dev.gatehouse.identity.jpa;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "identity_credential")
public class CredentialEntity {

    @Id
    UUID id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenantId;
    @ManyToOne(optional = false)
    @JoinColumn(name = "identity_id", nullable = false, updatable = false)
    IdentityEntity identity;
    @Column(nullable = false)
    String type;
    @Column(nullable = false)
    String config;
    @Column(nullable = false)
    int version;
    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
    /** Written only by the sign-in's update (JpaIdentityRepository.markUsed), never by syncing the identity. */
    @Column(name = "last_used_at", insertable = false, updatable = false)
    Instant lastUsedAt;
    @OneToMany(mappedBy = "credential", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    List<CredentialIdentifierEntity> identifiers = new ArrayList<>();

    protected CredentialEntity() {
    }

    CredentialEntity(IdentityEntity identity, String type) {
        this.id = UUID.randomUUID();
        this.tenantId = identity.tenantId;
        this.identity = identity;
        this.type = type;
    }
}
