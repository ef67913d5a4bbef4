package dev.gatehouse.identity.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.util.UUID;

@Entity
@Table(name = "identity_credential_identifier")
public class CredentialIdentifierEntity {

    @Id
    UUID id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenantId;
    @ManyToOne(optional = false)
    @JoinColumn(name = "credential_id", nullable = false, updatable = false)
    CredentialEntity credential;
    @Column(nullable = false, updatable = false)
    String type;
    @Column(nullable = false, updatable = false)
    String identifier;

    protected CredentialIdentifierEntity() {
    }

    CredentialIdentifierEntity(CredentialEntity credential, String identifier) {
        this.id = UUID.randomUUID();
        this.tenantId = credential.tenantId;
        this.credential = credential;
        this.type = credential.type;
        this.identifier = identifier;
    }
}
