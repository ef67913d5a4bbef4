-- Identities (Kratos' identity model). Every table carries tenant_id; uniqueness of login identifiers
-- and addresses is per tenant. JSON documents are stored as text (VARCHAR without a length is unbounded
-- on PostgreSQL and large on H2).
CREATE TABLE identity (
    id               UUID         NOT NULL PRIMARY KEY,
    tenant_id        VARCHAR(63)  NOT NULL REFERENCES tenant (id),
    schema_id        VARCHAR(100) NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    state_changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    traits           VARCHAR      NOT NULL,
    metadata_public  VARCHAR,
    metadata_admin   VARCHAR,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT       NOT NULL,
    CONSTRAINT identity_state CHECK (state IN ('active', 'inactive'))
);
CREATE INDEX identity_tenant_created_idx ON identity (tenant_id, created_at, id);

-- One row per credential type of an identity (password, code, webauthn, ...); config holds e.g. the
-- password hash as JSON and is never returned by the API.
CREATE TABLE identity_credential (
    id          UUID        NOT NULL PRIMARY KEY,
    tenant_id   VARCHAR(63) NOT NULL REFERENCES tenant (id),
    identity_id UUID        NOT NULL REFERENCES identity (id) ON DELETE CASCADE,
    type        VARCHAR(32) NOT NULL,
    config      VARCHAR     NOT NULL,
    version     INTEGER     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT identity_credential_one_per_type UNIQUE (identity_id, type)
);

-- Login identifiers of a credential (e.g. the email for password). Unique per tenant and type, in the
-- normalised form the schema gives (lower-case e-mail), so a duplicate differing only in case is refused.
CREATE TABLE identity_credential_identifier (
    id            UUID         NOT NULL PRIMARY KEY,
    tenant_id     VARCHAR(63)  NOT NULL REFERENCES tenant (id),
    credential_id UUID         NOT NULL REFERENCES identity_credential (id) ON DELETE CASCADE,
    type          VARCHAR(32)  NOT NULL,
    identifier    VARCHAR(320) NOT NULL,
    CONSTRAINT identity_identifier_unique UNIQUE (tenant_id, type, identifier)
);
CREATE INDEX identity_identifier_credential_idx ON identity_credential_identifier (credential_id);

CREATE TABLE identity_verifiable_address (
    id          UUID         NOT NULL PRIMARY KEY,
    tenant_id   VARCHAR(63)  NOT NULL REFERENCES tenant (id),
    identity_id UUID         NOT NULL REFERENCES identity (id) ON DELETE CASCADE,
    via         VARCHAR(16)  NOT NULL,
    address     VARCHAR(320) NOT NULL,
    verified    BOOLEAN      NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    verified_at TIMESTAMP WITH TIME ZONE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT identity_verifiable_address_unique UNIQUE (tenant_id, via, address)
);
CREATE INDEX identity_verifiable_address_identity_idx ON identity_verifiable_address (identity_id);

CREATE TABLE identity_recovery_address (
    id          UUID         NOT NULL PRIMARY KEY,
    tenant_id   VARCHAR(63)  NOT NULL REFERENCES tenant (id),
    identity_id UUID         NOT NULL REFERENCES identity (id) ON DELETE CASCADE,
    via         VARCHAR(16)  NOT NULL,
    address     VARCHAR(320) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT identity_recovery_address_unique UNIQUE (tenant_id, via, address)
);
CREATE INDEX identity_recovery_address_identity_idx ON identity_recovery_address (identity_id);
