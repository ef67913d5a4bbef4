/**
 * {@code /admin/tenants/{id}/settings}: reading and changing a tenant's settings over the admin API. The admin API
 * key and the default tenant's admin tokens reach every tenant; a tenant's own admin token reaches its own only.
 */
package dev.gatehouse.tenant.settings.api;
