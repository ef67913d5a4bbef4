/**
 * Typed configuration: one {@link dev.gatehouse.kernel.config.CapabilityConfig} bean per capability,
 * read with {@link dev.gatehouse.kernel.config.ConfigReader} from MicroProfile Config; and the per-tenant layer over
 * it: the keys a capability lets tenants set ({@link dev.gatehouse.kernel.config.TenantSettable}), read over the
 * global values ({@link dev.gatehouse.kernel.config.OverlayConfig}) and served per request by
 * {@link dev.gatehouse.kernel.config.EffectiveConfig}.
 */
package dev.gatehouse.kernel.config;
