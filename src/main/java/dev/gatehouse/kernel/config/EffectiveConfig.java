package dev.gatehouse.kernel.config;

/**
 * The configuration in force for the current request's tenant: its own settings over the global configuration.
 * Implemented by the tenant capability (which stores the settings and caches them per node); capabilities ask it
 * for their typed configuration instead of injecting the global bean when a tenant may set some of its keys.
 */
public interface EffectiveConfig {

    /**
     * The current tenant's configuration of {@code settable}'s capability; the global one when no tenant is
     * resolved (work outside a request) or the tenant has set none of its keys.
     */
    <C extends CapabilityConfig> C of(TenantSettable<C> settable);
}
