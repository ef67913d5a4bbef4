-- Sessions: only an HMAC of the session token is stored; the token itself exists only with the client.
CREATE TABLE identity_session (
    id                     UUID         NOT NULL PRIMARY KEY,
    tenant_id              VARCHAR(63)  NOT NULL REFERENCES tenant (id),
    identity_id            UUID         NOT NULL REFERENCES identity (id) ON DELETE CASCADE,
    token_hash             VARCHAR(64)  NOT NULL,
    active                 BOOLEAN      NOT NULL,
    aal                    VARCHAR(8)   NOT NULL,
    authentication_methods VARCHAR      NOT NULL,
    issued_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    authenticated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    ip_address             VARCHAR(64),
    user_agent             VARCHAR(512),
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT identity_session_token_unique UNIQUE (token_hash)
);
CREATE INDEX identity_session_identity_idx ON identity_session (tenant_id, identity_id);

-- Self-service flows (login, registration, settings, ...): server-side state of a form in progress, so any
-- node can serve the next step. ui holds the flow's nodes and messages as JSON.
CREATE TABLE selfservice_flow (
    id            UUID          NOT NULL PRIMARY KEY,
    tenant_id     VARCHAR(63)   NOT NULL REFERENCES tenant (id),
    kind          VARCHAR(16)   NOT NULL,
    flavor        VARCHAR(8)    NOT NULL,
    state         VARCHAR(32)   NOT NULL,
    request_url   VARCHAR(2048) NOT NULL,
    return_to     VARCHAR(2048),
    csrf_hash     VARCHAR(64),
    identity_id   VARCHAR(36),
    session_id    VARCHAR(36),
    refresh       BOOLEAN       NOT NULL,
    ui            VARCHAR       NOT NULL,
    issued_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX selfservice_flow_expires_idx ON selfservice_flow (expires_at);

-- Failed sign-ins per identifier and per client address, shared by all nodes (brute-force protection).
CREATE TABLE login_throttle (
    tenant_id     VARCHAR(63)  NOT NULL REFERENCES tenant (id),
    subject_kind  VARCHAR(16)  NOT NULL,
    subject       VARCHAR(320) NOT NULL,
    failures      INTEGER      NOT NULL,
    first_failure TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until  TIMESTAMP WITH TIME ZONE,
    lockouts      INTEGER      NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT login_throttle_pk PRIMARY KEY (tenant_id, subject_kind, subject)
);

-- Server-generated secrets shared by all nodes (e.g. the token HMAC key when none is configured).
CREATE TABLE server_secret (
    name       VARCHAR(64) NOT NULL PRIMARY KEY,
    secret     VARCHAR(512) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
