package dev.gatehouse.kernel.config;

import org.eclipse.microprofile.config.Config;

import java.util.Set;

/**
 * The part of a capability's configuration a tenant may set for itself. A capability offers it as a CDI bean;
 * a tenant's values are laid over the global configuration ({@link OverlayConfig}) and read by {@link #read},
 * the same constructor the global bean uses, so a tenant's value passes exactly the checks a global one does
 * (ranges, and rules across keys such as a maximum not below a minimum). A key a tenant has not set keeps
 * its global value. Secrets and keys that size shared resources (hash cost, pools, caches) are never listed.
 *
 * @param <C> the capability's typed configuration
 */
public interface TenantSettable<C extends CapabilityConfig> {

    /** The capability name, as in {@code gatehouse.<capability>.*}. */
    String capability();

    /** The names under {@code gatehouse.<capability>.} that a tenant may set ({@code "min-length"}). */
    Set<String> names();

    /** The typed configuration read from {@code config}; throws {@link InvalidConfigException} as start-up would. */
    C read(Config config);
}
