-- Authorization requests in progress (Hydra's login/consent flow): one row per /oauth2/auth request, from the
-- login challenge to the code. Challenges and verifiers exist only with the browser and the login/consent app;
-- only their HMACs are stored. csrf_hash binds the row to the browser that started it.
CREATE TABLE oauth2_flow (
    id                     UUID          NOT NULL PRIMARY KEY,
    tenant_id              VARCHAR(63)   NOT NULL REFERENCES tenant (id),
    client_id              VARCHAR(255)  NOT NULL,
    state                  VARCHAR(24)   NOT NULL,
    request_url            VARCHAR(8192) NOT NULL,
    request                TEXT          NOT NULL,
    csrf_hash              VARCHAR(64)   NOT NULL,
    login_challenge_hash   VARCHAR(64)   NOT NULL,
    login_verifier_hash    VARCHAR(64),
    consent_challenge_hash VARCHAR(64),
    consent_verifier_hash  VARCHAR(64),
    login_skip             BOOLEAN       NOT NULL,
    subject                VARCHAR(255),
    login_session_id       VARCHAR(36),
    identity_session_id    VARCHAR(36),
    login_remember         BOOLEAN       NOT NULL,
    login_remember_for     BIGINT,
    acr                    VARCHAR(255),
    amr                    TEXT,
    login_context          TEXT,
    auth_time              TIMESTAMP WITH TIME ZONE,
    consent_skip           BOOLEAN       NOT NULL,
    granted_scope          TEXT,
    granted_audience       TEXT,
    consent_remember       BOOLEAN       NOT NULL,
    consent_remember_for   BIGINT,
    session_id_token       TEXT,
    session_access_token   TEXT,
    rejection              TEXT,
    requested_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT oauth2_flow_login_challenge_unique UNIQUE (login_challenge_hash)
);
CREATE INDEX oauth2_flow_login_verifier_idx ON oauth2_flow (login_verifier_hash);
CREATE INDEX oauth2_flow_consent_challenge_idx ON oauth2_flow (consent_challenge_hash);
CREATE INDEX oauth2_flow_consent_verifier_idx ON oauth2_flow (consent_verifier_hash);
CREATE INDEX oauth2_flow_expires_idx ON oauth2_flow (expires_at);

-- Login sessions of the token server (Hydra's ory_hydra_session): the browser cookie holds a random token,
-- only its HMAC is here. id is the "sid" of ID and logout tokens.
CREATE TABLE oauth2_login_session (
    id                  UUID         NOT NULL PRIMARY KEY,
    tenant_id           VARCHAR(63)  NOT NULL REFERENCES tenant (id),
    subject             VARCHAR(255) NOT NULL,
    cookie_hash         VARCHAR(64)  NOT NULL,
    remember            BOOLEAN      NOT NULL,
    identity_session_id VARCHAR(36),
    active              BOOLEAN      NOT NULL,
    authenticated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT oauth2_login_session_cookie_unique UNIQUE (cookie_hash)
);
CREATE INDEX oauth2_login_session_subject_idx ON oauth2_login_session (tenant_id, subject);

-- Consents given (one per completed authorization request); remembered ones make the next request skip.
CREATE TABLE oauth2_consent_session (
    id                   UUID          NOT NULL PRIMARY KEY,
    tenant_id            VARCHAR(63)   NOT NULL REFERENCES tenant (id),
    subject              VARCHAR(255)  NOT NULL,
    client_id            VARCHAR(255)  NOT NULL,
    login_session_id     VARCHAR(36),
    requested_scope      TEXT          NOT NULL,
    requested_audience   TEXT          NOT NULL,
    granted_scope        TEXT          NOT NULL,
    granted_audience     TEXT          NOT NULL,
    remember             BOOLEAN       NOT NULL,
    remember_for         BIGINT        NOT NULL,
    session_id_token     TEXT          NOT NULL,
    session_access_token TEXT          NOT NULL,
    request_url          VARCHAR(8192) NOT NULL,
    handled_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at           TIMESTAMP WITH TIME ZONE,
    active               BOOLEAN       NOT NULL
);
CREATE INDEX oauth2_consent_session_subject_idx ON oauth2_consent_session (tenant_id, subject, client_id);
CREATE INDEX oauth2_consent_session_login_idx ON oauth2_consent_session (tenant_id, login_session_id);

-- Logout requests (Hydra's logout challenge), RP-initiated or not.
CREATE TABLE oauth2_logout_request (
    id                       UUID          NOT NULL PRIMARY KEY,
    tenant_id                VARCHAR(63)   NOT NULL REFERENCES tenant (id),
    challenge_hash           VARCHAR(64)   NOT NULL,
    verifier_hash            VARCHAR(64),
    csrf_hash                VARCHAR(64)   NOT NULL,
    status                   VARCHAR(16)   NOT NULL,
    subject                  VARCHAR(255),
    login_session_id         VARCHAR(36),
    client_id                VARCHAR(255),
    rp_initiated             BOOLEAN       NOT NULL,
    rp_verified              BOOLEAN       NOT NULL,
    post_logout_redirect_uri VARCHAR(2048),
    rp_state                 VARCHAR(2048),
    request_url              VARCHAR(8192) NOT NULL,
    expires_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT oauth2_logout_challenge_unique UNIQUE (challenge_hash)
);
CREATE INDEX oauth2_logout_verifier_idx ON oauth2_logout_request (verifier_hash);
