package dev.gatehouse.tenant.settings.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** One key a tenant has set, with its value as text. */
@Entity
@Table(name = "tenant_setting")
@IdClass(TenantSettingEntity.Key.class)
public class TenantSettingEntity {

    @Id
    @Column(name = "tenant_id", length = 63)
    private String tenantId;

    @Id
    @Column(name = "name", length = 200)
    private String name;

    @Column(name = "setting_value", nullable = false, length = 1000)
    private String value;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected TenantSettingEntity() {
    }

    TenantSettingEntity(String tenantId, String name, String value, OffsetDateTime updatedAt) {
        this.tenantId = tenantId;
        this.name = name;
        this.value = value;
        this.updatedAt = updatedAt;
    }

    String name() {
        return name;
    }

    String value() {
        return value;
    }

    void change(String newValue, OffsetDateTime at) {
        if (!newValue.equals(value)) {
            this.value = newValue;
            this.updatedAt = at;
        }
    }

    /** The primary key: tenant and setting name. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String tenantId;
        private String name;

        public Key() {
        }

        public Key(String tenantId, String name) {
            this.tenantId = tenantId;
            this.name = name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(name, k.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, name);
        }
    }
}
