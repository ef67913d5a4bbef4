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
 * A row of {@code jwk_key}: the public JWK in clear, and either the private JWK sealed (AES-GCM) under the KEK
 * {@code kekId} or the label {@code tokenAlias} of the private key inside the PKCS#11 token.
 */
@Entity
@Table(name = "jwk_key")
@IdClass(KeyEntity.Key.class)
public class KeyEntity {

    @Id
    @Column(name = "tenant_id", length = 63)
    String tenantId;
    @Id
    @Column(name = "set_name", length = 64)
    String setName;
    @Id
    @Column(name = "kid", length = 64)
    String kid;
    @Column(name = "alg", nullable = false, updatable = false)
    String alg;
    @Column(name = "key_use", nullable = false, updatable = false)
    String keyUse;
    @Column(name = "public_jwk", nullable = false, updatable = false)
    String publicJwk;
    @Column(name = "private_ciphertext", updatable = false)
    String privateCiphertext;
    @Column(name = "private_iv", updatable = false)
    String privateIv;
    @Column(name = "kek_id", updatable = false)
    String kekId;
    @Column(name = "token_alias", updatable = false)
    String tokenAlias;
    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;
    @Column(name = "activated_at", nullable = false, updatable = false)
    Instant activatedAt;
    @Column(name = "retire_at")
    Instant retireAt;

    protected KeyEntity() {
    }

    /** The primary key of a key row (JPA needs a mutable class with the {@code @Id} fields' names). */
    public static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        String tenantId;
        String setName;
        String kid;

        public Key() {
        }

        public Key(String tenantId, String setName, String kid) {
            this.tenantId = tenantId;
            this.setName = setName;
            this.kid = kid;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(setName, k.setName) && Objects.equals(kid, k.kid);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, setName, kid);
        }
    }
}
