package dev.gatehouse.platform.throttle.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A row of {@code login_throttle}: what was counted for one subject of one kind in one tenant. */
@Entity
@Table(name = "login_throttle")
@IdClass(FailureCountEntity.Key.class)
public class FailureCountEntity {

    @Id
    @Column(name = "tenant_id", length = 63)
    String tenantId;
    @Id
    @Column(name = "subject_kind", length = 16)
    String kind;
    @Id
    @Column(name = "subject", length = 320)
    String subject;
    @Column(name = "failures", nullable = false)
    int failures;
    @Column(name = "first_failure", nullable = false)
    Instant firstFailure;
    @Column(name = "locked_until")
    Instant lockedUntil;
    @Column(name = "lockouts", nullable = false)
    int lockouts;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected FailureCountEntity() {
    }

    /** The primary key (JPA needs a mutable class with the {@code @Id} fields' names). */
    public static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        String tenantId;
        String kind;
        String subject;

        public Key() {
        }

        Key(String tenantId, String kind, String subject) {
            this.tenantId = tenantId;
            this.kind = kind;
            this.subject = subject;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && tenantId.equals(k.tenantId) && kind.equals(k.kind) && subject.equals(k.subject);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, kind, subject);
        }
    }
}
