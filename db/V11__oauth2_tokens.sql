-- OAuth 2.0 grants and the tokens issued under them. A grant is what one authorization code (or one
-- client_credentials request) stands for; every access and refresh token hangs off exactly one grant, so a
-- replayed code or a reused refresh token revokes the whole chain with one UPDATE. Only HMACs of codes and
-- tokens are stored (a JWT access token is hashed whole and also keeps its jti).
CREATE TABLE oauth2_grant (
    id                  UUID          NOT NULL PRIMARY KEY,
    tenant_id           VARCHAR(63)   NOT NULL REFERENCES tenant (id),
    client_id           VARCHAR(255)  NOT NULL,
    subject             VARCHAR(255)  NOT NULL,
    grant_type          VARCHAR(32)   NOT NULL,
    granted_scope       VARCHAR(4096) NOT NULL,
    granted_audience    VARCHAR(4096) NOT NULL,
    redirect_uri        VARCHAR(2048),
    code_challenge      VARCHAR(128),
    nonce               VARCHAR(512),
    auth_time           TIMESTAMP WITH TIME ZONE,
    acr                 VARCHAR(255),
    amr                 VARCHAR(1024) NOT NULL,
    session_ref         VARCHAR(255),
    consent_request_id  VARCHAR(255),
    id_token_claims     VARCHAR       NOT NULL,
    access_token_claims VARCHAR       NOT NULL,
    code_hash           VARCHAR(64),
    code_expires_at     TIMESTAMP WITH TIME ZONE,
    code_used_at        TIMESTAMP WITH TIME ZONE,
    requested_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at          TIMESTAMP WITH TIME ZONE,
    expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT oauth2_grant_code_unique UNIQUE (code_hash)
);
CREATE INDEX oauth2_grant_subject_idx ON oauth2_grant (tenant_id, subject, client_id);
CREATE INDEX oauth2_grant_expires_idx ON oauth2_grant (expires_at);

CREATE TABLE oauth2_token (
    id             UUID          NOT NULL PRIMARY KEY,
    tenant_id      VARCHAR(63)   NOT NULL REFERENCES tenant (id),
    grant_id       UUID          NOT NULL REFERENCES oauth2_grant (id) ON DELETE CASCADE,
    kind           VARCHAR(16)   NOT NULL,
    token_hash     VARCHAR(64)   NOT NULL,
    jti            VARCHAR(64),
    client_id      VARCHAR(255)  NOT NULL,
    subject        VARCHAR(255)  NOT NULL,
    granted_scope  VARCHAR(4096) NOT NULL,
    granted_audience VARCHAR(4096) NOT NULL,
    issued_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    rotated_at     TIMESTAMP WITH TIME ZONE,
    revoked_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT oauth2_token_hash_unique UNIQUE (token_hash)
);
CREATE INDEX oauth2_token_grant_idx ON oauth2_token (grant_id);
CREATE INDEX oauth2_token_expires_idx ON oauth2_token (expires_at);
