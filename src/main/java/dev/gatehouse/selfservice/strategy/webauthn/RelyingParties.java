package dev.gatehouse.selfservice.strategy.webauthn;

import dev.gatehouse.kernel.config.EffectiveConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.function.Supplier;

/**
 * The WebAuthn configuration of the request's tenant: its own {@code webauthn.*} settings over the global ones,
 * looked up on every ceremony, so options and checks of a flow use the relying party of the tenant it belongs to.
 */
@ApplicationScoped
public class RelyingParties {

    private Supplier<WebAuthnConfig> current;

    protected RelyingParties() {
    }

    @Inject
    public RelyingParties(EffectiveConfig effective, WebAuthnTenantSettings settings) {
        this.current = () -> effective.of(settings);
    }

    /** Fixed configuration, whatever the tenant. */
    public RelyingParties(WebAuthnConfig config) {
        this.current = () -> config;
    }

    public WebAuthnConfig current() {
        return current.get();
    }
}
