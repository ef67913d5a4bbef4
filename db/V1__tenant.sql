-- Tenants. Every later table carries tenant_id referencing tenant(id), and every query filters on it.
CREATE TABLE tenant (
    id           VARCHAR(63)  NOT NULL PRIMARY KEY,
    display_name VARCHAR(200) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT tenant_id_format CHECK (id = LOWER(id))
);

-- Host names that select a tenant (e.g. login.acme.example -> acme). One host, one tenant.
CREATE TABLE tenant_host (
    host      VARCHAR(253) NOT NULL PRIMARY KEY,
    tenant_id VARCHAR(63)  NOT NULL REFERENCES tenant (id) ON DELETE CASCADE
);
CREATE INDEX tenant_host_tenant_idx ON tenant_host (tenant_id);

INSERT INTO tenant (id, display_name, created_at) VALUES ('default', 'Default', CURRENT_TIMESTAMP);
