package dev.gatehouse.selfservice;

import dev.gatehouse.kernel.config.TenantSettable;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

import java.util.Set;

/**
 * A tenant may make a code to a verified address (e-mail or SMS) a second factor for its people:
 * {@code selfservice.methods.code.mfa-enabled} (Kratos' {@code selfservice.methods.code.mfa_enabled}).
 */
@ApplicationScoped
public class SelfServiceTenantSettings implements TenantSettable<SelfServiceConfig> {

    @Override
    public String capability() {
        return "selfservice";
    }

    @Override
    public Set<String> names() {
        return Set.of("methods.code.mfa-enabled");
    }

    @Override
    public SelfServiceConfig read(Config config) {
        return new SelfServiceConfig(config);
    }
}
