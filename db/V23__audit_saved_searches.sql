-- Saved searches of the audit log (/admin/audit/searches). audit_search holds each tenant's current searches; every
-- change adds a row to audit_search_version (document NULL: deleted) with who made it and why. Searches defined in
-- jsonnet files are not stored: they live in memory, read from gatehouse.audit.searches-dir.
CREATE TABLE audit_search (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id  VARCHAR(63)  NOT NULL REFERENCES tenant (id),
    name       VARCHAR(128) NOT NULL,
    version    INTEGER      NOT NULL,
    document   VARCHAR      NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT audit_search_tenant_name UNIQUE (tenant_id, name)
);

CREATE TABLE audit_search_version (
    uid        VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id  VARCHAR(63)  NOT NULL REFERENCES tenant (id),
    search_id  VARCHAR(36)  NOT NULL,
    version    INTEGER      NOT NULL,
    document   VARCHAR,
    changed_by VARCHAR(256),
    reason     VARCHAR(500),
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT audit_search_version_number UNIQUE (tenant_id, search_id, version)
);
