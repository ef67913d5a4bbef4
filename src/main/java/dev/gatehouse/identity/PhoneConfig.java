package dev.gatehouse.identity;

import dev.gatehouse.identity.schema.PhoneNumbers;
import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.ConfigReader;
import dev.gatehouse.kernel.config.InvalidConfigException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code gatehouse.identity.phone.*}: how phone numbers in traits and sign-in identifiers are read.
 * {@code default-region} (ISO 3166, e.g. {@code DE}) is the region a number written without {@code +} belongs to;
 * empty, such numbers are refused. A tenant may set its own ({@link PhoneTenantSettings}).
 */
@ApplicationScoped
public class PhoneConfig implements CapabilityConfig {

    private Optional<String> defaultRegion;

    protected PhoneConfig() {
    }

    @Inject
    public PhoneConfig(Config config) {
        ConfigReader r = ConfigReader.of(config, capability());
        this.defaultRegion = r.optionalString("default-region").map(v -> v.toUpperCase(Locale.ROOT));
        defaultRegion.ifPresent(region -> {
            if (!PhoneNumbers.regions().contains(region)) {
                throw new InvalidConfigException(r.key("default-region"), region,
                        "must be a two-letter region code libphonenumber knows, such as DE or US");
            }
        });
    }

    @Override
    public String capability() {
        return "identity.phone";
    }

    /** The region of numbers written without {@code +}; null when there is none. */
    public String defaultRegion() {
        return defaultRegion.orElse(null);
    }
}
