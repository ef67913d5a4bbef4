package dev.gatehouse.selfservice;

import dev.gatehouse.kernel.config.TenantSettable;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

import java.util.Set;

/** A tenant may make its sign-in password-free: {@code selfservice.login.password-free}. */
@ApplicationScoped
public class LoginStyleSettings implements TenantSettable<LoginStyleConfig> {

    @Override
    public String capability() {
        return "selfservice.login";
    }

    @Override
    public Set<String> names() {
        return Set.of("password-free");
    }

    @Override
    public LoginStyleConfig read(Config config) {
        return new LoginStyleConfig(config);
    }
}
