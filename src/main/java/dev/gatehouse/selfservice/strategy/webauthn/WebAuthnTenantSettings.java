package dev.gatehouse.selfservice.strategy.webauthn;

import dev.gatehouse.kernel.config.TenantSettable;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

import java.util.Set;

/**
 * A tenant may have its own relying party ({@code webauthn.rp.id}, {@code webauthn.rp.display-name},
 * {@code webauthn.rp.origins}), attestation rule ({@code webauthn.attestation}) and switch the methods
 * ({@code webauthn.enabled}, {@code webauthn.passkey.enabled}, {@code webauthn.passwordless}); {@link WebAuthnConfig} checks them as at start-up
 * (every origin within the id). The trust store stays global: its path names a file on the server and its password
 * is a secret, neither of which a tenant's administrator may choose.
 */
@ApplicationScoped
public class WebAuthnTenantSettings implements TenantSettable<WebAuthnConfig> {

    private static final Set<String> NAMES = Set.of("rp.id", "rp.display-name", "rp.origins", "attestation", "enabled",
            "passkey.enabled", "passwordless");

    @Override
    public String capability() {
        return "webauthn";
    }

    @Override
    public Set<String> names() {
        return NAMES;
    }

    @Override
    public WebAuthnConfig read(Config config) {
        return new WebAuthnConfig(config);
    }
}
