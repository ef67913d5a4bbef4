/**
 * The HTTP face of tenants: {@code /tenant} (the tenant a request was resolved to) and the admin API {@code
 * /admin/tenants}.
 */
package dev.gatehouse.tenant.api;
