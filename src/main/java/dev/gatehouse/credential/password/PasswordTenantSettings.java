package dev.gatehouse.credential.password;

import dev.gatehouse.kernel.config.TenantSettable;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

import java.util.Set;

/**
 * The password policy is a tenant setting: a tenant may set {@code password.min-length}, {@code password.max-length},
 * {@code password.identifier-similarity} and {@code password.breached-check}, checked by {@link PasswordConfig}'s
 * own rules (a maximum below the minimum is refused as at start-up). The Argon2id parameters stay global: they set
 * what each sign-in costs every node, whichever tenant it is for.
 */
@ApplicationScoped
public class PasswordTenantSettings implements TenantSettable<PasswordConfig> {

    private static final Set<String> NAMES = Set.of("min-length", "max-length", "identifier-similarity", "breached-check");

    @Override
    public String capability() {
        return "password";
    }

    @Override
    public Set<String> names() {
        return NAMES;
    }

    @Override
    public PasswordConfig read(Config config) {
        return new PasswordConfig(config);
    }
}
