package dev.gatehouse.tenant.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "tenant_host")
public class TenantHostEntity {

    @Id
    @Column(name = "host", length = 253)
    private String host;

    @ManyToOne(optional = false)
    @JoinColumn(name = "tenant_id", nullable = false)
    private TenantEntity tenant;

    protected TenantHostEntity() {
    }

    TenantHostEntity(String host, TenantEntity tenant) {
        this.host = host;
        this.tenant = tenant;
    }

    String host() {
        return host;
    }

    TenantEntity tenant() {
        return tenant;
    }
}
