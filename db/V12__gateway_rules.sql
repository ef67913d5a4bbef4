-- Access rules kept in the database (the admin API's /admin/rules), merged with the rule files into one set
-- per tenant. Every change adds a row to gateway_rule_version (document NULL: deleted) and bumps the tenant's
-- gateway_rule_set.set_version, which every node polls cheaply to know when to reload.
CREATE TABLE gateway_rule (
    uid        VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id  VARCHAR(63)  NOT NULL REFERENCES tenant (id),
    rule_id    VARCHAR(190) NOT NULL,
    revision   INTEGER      NOT NULL,
    document   VARCHAR      NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT gateway_rule_tenant_rule UNIQUE (tenant_id, rule_id)
);

CREATE TABLE gateway_rule_version (
    uid        VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id  VARCHAR(63)  NOT NULL REFERENCES tenant (id),
    rule_id    VARCHAR(190) NOT NULL,
    revision   INTEGER      NOT NULL,
    document   VARCHAR,
    changed_by VARCHAR(100),
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT gateway_rule_version_revision UNIQUE (tenant_id, rule_id, revision)
);

CREATE TABLE gateway_rule_set (
    tenant_id   VARCHAR(63) NOT NULL PRIMARY KEY REFERENCES tenant (id),
    set_version BIGINT      NOT NULL
);
