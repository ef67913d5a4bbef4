/**
 * What the gateway asks of other capabilities (to check a credential in process, to pick a tenant), as small
 * interfaces it owns (ports): the identity service's sessions ({@link dev.gatehouse.gateway.port.SessionLookup}),
 * the token server's tokens and issuer ({@link dev.gatehouse.gateway.port.LocalIntrospection}) and the tenant of
 * a host ({@link dev.gatehouse.gateway.port.TenantByHost}). Adapters in those capabilities implement them, so the
 * gateway imports none of them and builds and tests on its own.
 */
package dev.gatehouse.gateway.port;
