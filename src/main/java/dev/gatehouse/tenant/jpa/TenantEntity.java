package dev.gatehouse.tenant.jpa;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.tenant.Tenant;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

@Entity
@Table(name = "tenant")
public class TenantEntity {

    @Id
    @Column(name = "id", length = 63)
    private String id;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "tenant", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    private List<TenantHostEntity> hosts = new ArrayList<>();

    protected TenantEntity() {
    }

    static TenantEntity from(Tenant t) {
        TenantEntity e = new TenantEntity();
        e.id = t.id().value();
        e.displayName = t.displayName();
        e.createdAt = t.createdAt();
        t.hosts().forEach(h -> e.hosts.add(new TenantHostEntity(h, e)));
        return e;
    }

    void addHost(String host) {
        hosts.add(new TenantHostEntity(host, this));
    }

    /** Takes the host away (its row goes with it); false when the tenant did not have it. */
    boolean removeHost(String host) {
        return hosts.removeIf(h -> h.host().equals(host));
    }

    Tenant toTenant() {
        return new Tenant(new TenantId(id), displayName,
                hosts.stream().map(TenantHostEntity::host).sorted(Comparator.naturalOrder()).toList(), createdAt);
    }
}
