/**
 * Tenants: the isolation boundary of every row. A request is resolved to one tenant by its host name
 * (tenant_host table) or by a {@code /t/{tenant}/...} path prefix; everything after that is scoped by the
 * tenant in {@link dev.gatehouse.kernel.tenant.CurrentTenant}.
 */
package dev.gatehouse.tenant;
