-- Signing keys (issue #5, Hydra's /admin/keys/{set}). A key set row exists once a set was ever used; it is
-- the row that nodes lock (SELECT ... FOR UPDATE) before creating a set's first key or rotating it, so two
-- nodes never both do it. Keys keep their public JWK in clear and their private JWK encrypted with AES-GCM
-- under the key-encryption key (KEK) named by kek_id; the associated data binds the ciphertext to
-- tenant, set and kid. A key signs from activated_at until a newer key replaces it; retire_at is set then,
-- and the key verifies (and is published) until that time.
CREATE TABLE jwk_set (
    tenant_id  VARCHAR(63) NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    set_name   VARCHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, set_name)
);

CREATE TABLE jwk_key (
    tenant_id          VARCHAR(63)  NOT NULL,
    set_name           VARCHAR(64)  NOT NULL,
    kid                VARCHAR(64)  NOT NULL,
    alg                VARCHAR(8)   NOT NULL,
    key_use            VARCHAR(8)   NOT NULL,
    public_jwk         VARCHAR      NOT NULL,
    private_ciphertext VARCHAR      NOT NULL,
    private_iv         VARCHAR(24)  NOT NULL,
    kek_id             VARCHAR(16)  NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    activated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    retire_at          TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (tenant_id, set_name, kid),
    FOREIGN KEY (tenant_id, set_name) REFERENCES jwk_set (tenant_id, set_name) ON DELETE CASCADE,
    CONSTRAINT jwk_key_alg CHECK (alg IN ('RS256', 'ES256')),
    CONSTRAINT jwk_key_use CHECK (key_use = 'sig')
);
-- the rotation job's sweep of retired keys
CREATE INDEX jwk_key_retire_idx ON jwk_key (retire_at);
