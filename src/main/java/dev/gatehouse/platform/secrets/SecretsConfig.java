package dev.gatehouse.platform.secrets;

import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.ConfigReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.Optional;

/**
 * {@code gatehouse.secrets.*}: the key of the HMAC that protects stored tokens (session tokens, flow
 * CSRF secrets, ...). When absent, one is generated and kept in the database, shared by all nodes.
 */
@ApplicationScoped
public class SecretsConfig implements CapabilityConfig {

    private String hmacKey;

    protected SecretsConfig() {
    }

    @Inject
    public SecretsConfig(Config config) {
        this.hmacKey = ConfigReader.of(config, capability()).optionalSecret("hmac-key", 32).orElse(null);
    }

    @Override
    public String capability() {
        return "secrets";
    }

    public Optional<String> hmacKey() {
        return Optional.ofNullable(hmacKey);
    }
}
