-- OAuth 2.0 clients (Hydra's client fields). Lists are JSON arrays in text columns, scope is Hydra's
-- space-separated string. Only HMACs of the client secret and of the dynamic-registration access token are
-- kept; both are server-generated (256 bits) or, for a chosen secret, at least 32 characters long.
CREATE TABLE oauth2_client (
    id                                  UUID          NOT NULL PRIMARY KEY,
    tenant_id                           VARCHAR(63)   NOT NULL REFERENCES tenant (id),
    client_id                           VARCHAR(255)  NOT NULL,
    client_name                         VARCHAR(255)  NOT NULL,
    secret_hash                         VARCHAR(64),
    registration_token_hash             VARCHAR(64),
    redirect_uris                       TEXT          NOT NULL,
    post_logout_redirect_uris           TEXT          NOT NULL,
    grant_types                         TEXT          NOT NULL,
    response_types                      TEXT          NOT NULL,
    scope                               TEXT          NOT NULL,
    audience                            TEXT          NOT NULL,
    token_endpoint_auth_method          VARCHAR(32)   NOT NULL,
    jwks                                TEXT,
    jwks_uri                            VARCHAR(2048),
    skip_consent                        BOOLEAN       NOT NULL,
    access_token_strategy               VARCHAR(16)   NOT NULL,
    access_token_lifespan_ms            BIGINT,
    refresh_token_lifespan_ms           BIGINT,
    id_token_lifespan_ms                BIGINT,
    authorization_code_lifespan_ms      BIGINT,
    backchannel_logout_uri              VARCHAR(2048),
    backchannel_logout_session_required BOOLEAN       NOT NULL,
    metadata                            TEXT          NOT NULL,
    created_at                          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT oauth2_client_id_unique UNIQUE (tenant_id, client_id)
);
CREATE INDEX oauth2_client_list_idx ON oauth2_client (tenant_id, created_at);

-- The jti of every private_key_jwt client assertion seen (RFC 7523 §3 item 7), until the assertion expires:
-- the unique key makes a replay fail on any node.
CREATE TABLE oauth2_client_assertion (
    id          UUID          NOT NULL PRIMARY KEY,
    tenant_id   VARCHAR(63)   NOT NULL REFERENCES tenant (id),
    client_id   VARCHAR(255)  NOT NULL,
    jti         VARCHAR(255)  NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT oauth2_client_assertion_unique UNIQUE (tenant_id, client_id, jti),
    CONSTRAINT oauth2_client_assertion_client_fk FOREIGN KEY (tenant_id, client_id)
        REFERENCES oauth2_client (tenant_id, client_id) ON DELETE CASCADE
);
CREATE INDEX oauth2_client_assertion_expiry_idx ON oauth2_client_assertion (tenant_id, client_id, expires_at);
