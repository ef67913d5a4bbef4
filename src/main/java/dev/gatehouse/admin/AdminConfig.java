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

    protected AdminConfig() {
    }

    @Inject
    public AdminConfig(Config config) {
        ConfigReader r = ConfigReader.of(config, capability());
        this.apiKey = r.optionalSecret("api-key", MIN_KEY_LENGTH).orElse(null);
    }

    @Override
    public String capability() {
        return "admin";
    }

    public Optional<String> apiKey() {
        return Optional.ofNullable(apiKey);
    }
}
