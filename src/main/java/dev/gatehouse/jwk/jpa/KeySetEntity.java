package dev.gatehouse.jwk.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A row of {@code jwk_set}: exists once a set was ever used. It carries no data of its own; it is the row that
 * creation and rotation of the set's keys lock.
 */
@Entity
@Table(name = "jwk_set")
@IdClass(KeySetEntity.Key.class)
public class KeySetEntity {

    @Id
    @Column(name = "tenant_id", length = 63)
    String tenantId;
    @Id
    @Column(name = "set_name", length = 64)
    String setName;
    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    protected KeySetEntity() {
    }

    /** The primary key of a set row (JPA needs a mutable class with the {@code @Id} fields' names). */
    public static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        String tenantId;
        String setName;

        public Key() {
        }

        public Key(String tenantId, String setName) {
            this.tenantId = tenantId;
            this.setName = setName;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(setName, k.setName);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, setName);
        }
    }
}
