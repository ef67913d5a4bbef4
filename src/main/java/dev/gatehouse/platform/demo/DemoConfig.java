package dev.gatehouse.platform.demo;

import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.ConfigReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/**
 * {@code gatehouse.demo.enabled}: seed demo data (and print its credentials) at start-up. Off unless asked
 * for; only the zero-setup run ({@code mvn liberty:run}) turns it on.
 */
@ApplicationScoped
public class DemoConfig implements CapabilityConfig {

    private boolean enabled;

    protected DemoConfig() {
    }

    @Inject
    public DemoConfig(Config config) {
        this.enabled = ConfigReader.of(config, capability()).bool("enabled");
    }

    @Override
    public String capability() {
        return "demo";
    }

    public boolean enabled() {
        return enabled;
    }
}
