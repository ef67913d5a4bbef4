/**
 * Tenant settings: a tenant's own values for the configuration keys capabilities let tenants set
 * ({@link dev.gatehouse.kernel.config.TenantSettable}). A key a tenant has not set keeps its global value. Values
 * are checked by the same rules as the global configuration before they are stored
 * ({@link dev.gatehouse.tenant.settings.SettingsCatalog}), and each node serves them from a short-lived cache
 * ({@link dev.gatehouse.tenant.settings.TenantSettingsCache}), so a change reaches every node within
 * {@code gatehouse.tenant.settings-cache-ttl}.
 */
package dev.gatehouse.tenant.settings;
