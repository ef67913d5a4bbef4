package dev.gatehouse.identity.jpa;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "identity")
public class IdentityEntity {

    @Id
    UUID id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenantId;
    @Column(name = "schema_id", nullable = false)
    String schemaId;
    @Column(nullable = false)
    String state;
    @Column(name = "state_changed_at", nullable = false)
    Instant stateChangedAt;
    @Column(nullable = false)
    String traits;
    @Column(name = "metadata_public")
    String metadataPublic;
    @Column(name = "metadata_admin")
    String metadataAdmin;
    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
    @Version
    long version;

    @OneToMany(mappedBy = "identity", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    List<CredentialEntity> credentials = new ArrayList<>();
    @OneToMany(mappedBy = "identity", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    List<VerifiableAddressEntity> verifiableAddresses = new ArrayList<>();
    @OneToMany(mappedBy = "identity", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    List<RecoveryAddressEntity> recoveryAddresses = new ArrayList<>();

    protected IdentityEntity() {
    }

    IdentityEntity(UUID id, String tenantId) {
        this.id = id;
        this.tenantId = tenantId;
    }
}
