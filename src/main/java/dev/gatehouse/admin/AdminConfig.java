package dev.gatehouse.admin;

import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.ConfigReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.Optional;

/** {@code gatehouse.admin.*}: the admin API key (a secret: from the environment or a file, never the repo). */
@ApplicationScoped
public class AdminConfig implements CapabilityConfig {

    /** Shorter keys are refused at start-up: the key is the whole protection of the admin API. */
    public static final int MIN_KEY_LENGTH = 32;

    private String apiKey;
    private boolean demo;

    protected AdminConfig() {
    }

    @Inject
    public AdminConfig(Config config) {
        ConfigReader r = ConfigReader.of(config, capability());
        this.apiKey = r.optionalSecret("api-key", MIN_KEY_LENGTH).orElse(null);
        // only for the start-up line; the demo switch itself is checked by its own configuration
        this.demo = config.getOptionalValue("gatehouse.demo.enabled", String.class).map(v -> v.trim().equalsIgnoreCase("true")).orElse(false);
    }

    @Override
    public String startupSummary() {
        return "admin API key=" + (apiKey != null ? "configured" : demo ? "generated for the demo" : "NOT configured (admin API disabled)");
    }

    @Override
    public String capability() {
        return "admin";
    }

    public Optional<String> apiKey() {
        return Optional.ofNullable(apiKey);
    }
}
