package dev.gatehouse.selfservice;

import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.ConfigReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/**
 * {@code gatehouse.selfservice.login.*}: how sign-in and sign-up forms ask who someone is. A tenant may set it
 * ({@link LoginStyleSettings}); the forms follow the current tenant's value ({@link LoginStyle}).
 */
@ApplicationScoped
public class LoginStyleConfig implements CapabilityConfig {

    private boolean passwordFree;

    protected LoginStyleConfig() {
    }

    @Inject
    public LoginStyleConfig(Config config) {
        ConfigReader r = ConfigReader.of(config, capability());
        this.passwordFree = r.bool("password-free");
    }

    @Override
    public String capability() {
        return "selfservice.login";
    }

    /**
     * Whether sign-in is identifier-first (Kratos' {@code identifier_first} login style) with no password: the
     * identifier first, then the methods that need none (a mailed code, a passkey); sign-up asks for no password
     * either, and password submissions are refused.
     */
    public boolean passwordFree() {
        return passwordFree;
    }
}
