/**
 * The tenant capability's side of other services' ports: tenants by host name as the gateway's
 * {@link dev.gatehouse.gateway.port.TenantByHost}.
 */
package dev.gatehouse.tenant.adapter;
