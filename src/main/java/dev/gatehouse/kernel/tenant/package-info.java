/**
 * The tenant a request belongs to, as every layer may see it: its id ({@link dev.gatehouse.kernel.tenant.TenantId})
 * and the request-scoped {@link dev.gatehouse.kernel.tenant.CurrentTenant}. Tenants themselves (hosts, names, the
 * admin API) are the {@code tenant} capability's.
 */
package dev.gatehouse.kernel.tenant;
