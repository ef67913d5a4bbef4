package dev.gatehouse.identity;

import dev.gatehouse.kernel.config.TenantSettable;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

import java.util.Set;

/** A tenant may set the region its people write phone numbers in: {@code identity.phone.default-region}. */
@ApplicationScoped
public class PhoneTenantSettings implements TenantSettable<PhoneConfig> {

    @Override
    public String capability() {
        return "identity.phone";
    }

    @Override
    public Set<String> names() {
        return Set.of("default-region");
    }

    @Override
    public PhoneConfig read(Config config) {
        return new PhoneConfig(config);
    }
}
