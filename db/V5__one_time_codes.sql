-- One-time codes of the self-service flows (verification, recovery, later login by code). Only an HMAC of
-- the code together with its flow id is stored, so a code is useless outside its flow; six digits are safe
-- only because of the attempt limit and the expiry.
CREATE TABLE one_time_code (
    id           UUID         NOT NULL PRIMARY KEY,
    tenant_id    VARCHAR(63)  NOT NULL REFERENCES tenant (id),
    flow_id      VARCHAR(36)  NOT NULL,
    purpose      VARCHAR(16)  NOT NULL,
    address      VARCHAR(320) NOT NULL,
    code_hash    VARCHAR(64)  NOT NULL,
    identity_id  VARCHAR(36),
    attempts     INTEGER      NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at      TIMESTAMP WITH TIME ZONE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX one_time_code_flow_idx ON one_time_code (tenant_id, flow_id);
CREATE INDEX one_time_code_expires_idx ON one_time_code (expires_at);
