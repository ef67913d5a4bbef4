-- A tenant's own values for the configuration keys tenants may set, named without "gatehouse."
-- (password.min-length). A key without a row has its global value. Values are text, as in configuration.
CREATE TABLE tenant_setting (
    tenant_id     VARCHAR(63)   NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    name          VARCHAR(200)  NOT NULL,
    setting_value VARCHAR(1000) NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, name)
);
