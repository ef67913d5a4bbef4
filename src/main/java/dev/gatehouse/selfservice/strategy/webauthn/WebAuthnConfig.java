package dev.gatehouse.selfservice.strategy.webauthn;

import dev.gatehouse.credential.webauthn.AttestationPolicy;
import dev.gatehouse.credential.webauthn.RelyingParty;
import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.ConfigReader;
import dev.gatehouse.kernel.config.InvalidConfigException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code gatehouse.webauthn.*}: the relying party security keys and passkeys are bound to (Kratos'
 * {@code selfservice.methods.webauthn.config.rp} and {@code passkey.config.rp}), what their attestation must prove,
 * and whether the {@code webauthn} and {@code passkey} methods are offered. An unset id, name or origin list is
 * derived from {@code gatehouse.public.base-url} (its host, and its scheme, host and port), never from a request's
 * {@code Host}; without a base URL (demo mode) it is {@code localhost} on {@code http.port}.
 */
@ApplicationScoped
public class WebAuthnConfig implements CapabilityConfig {

    /** What a registration must prove about the authenticator model. */
    public enum Attestation {
        /** Any authenticator (the options ask for {@code none}); Kratos' behaviour. */
        NONE,
        /** Only authenticators whose attestation chains to a certificate of the trust store. */
        TRUSTED
    }

    private RelyingParty relyingParty;
    private Attestation attestation;
    private AttestationPolicy policy;
    private boolean enabled;
    private boolean passkeyEnabled;
    private boolean passwordless;

    protected WebAuthnConfig() {
    }

    @Inject
    public WebAuthnConfig(Config config) {
        ConfigReader r = ConfigReader.of(config, capability());
        URI base = publicBase(config);
        String host = base.getHost().toLowerCase(Locale.ROOT);
        String id = r.optionalString("rp.id").orElse(host).toLowerCase(Locale.ROOT);
        String name = r.optionalString("rp.display-name").orElse(id);
        List<String> origins = r.list("rp.origins");
        if (origins.isEmpty()) {
            origins = List.of(origin(base));
        }
        try {
            this.relyingParty = new RelyingParty(id, name, Set.copyOf(origins));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(r.key("rp.origins"), String.join(",", origins),
                    "every origin must be https://host[:port] (http only for localhost) within the relying party id " + id);
        }
        this.attestation = r.oneOf("attestation", Attestation.class);
        Optional<String> store = r.optionalString("attestation-trust-store");
        Optional<String> storePassword = r.optionalSecret("attestation-trust-store-password", 1);
        this.policy = attestation == Attestation.NONE ? AttestationPolicy.noneAccepted()
                : AttestationPolicy.trustedRequired(trustStore(r, store, storePassword));
        this.enabled = r.bool("enabled");
        this.passkeyEnabled = r.bool("passkey.enabled");
        this.passwordless = r.bool("passwordless");
    }

    @Override
    public String capability() {
        return "webauthn";
    }

    /** The relying party id, name and origins in force. */
    public RelyingParty relyingParty() {
        return relyingParty;
    }

    public Attestation attestation() {
        return attestation;
    }

    public AttestationPolicy attestationPolicy() {
        return policy;
    }

    /** Whether security keys are offered as a second factor (Kratos' {@code selfservice.methods.webauthn.enabled}). */
    public boolean enabled() {
        return enabled;
    }

    /** Whether passkeys are offered as a first factor (Kratos' {@code selfservice.methods.passkey.enabled}). */
    public boolean passkeyEnabled() {
        return passkeyEnabled;
    }

    /**
     * Whether security keys sign in on their own, without a password (Kratos' {@code webauthn.config.passwordless}):
     * then they are a first factor only, and the {@code aal2} sign-in offers none.
     */
    public boolean passwordless() {
        return enabled && passwordless;
    }

    /** Whether security keys are offered as a second factor: on, and not in the password-free mode. */
    public boolean secondFactor() {
        return enabled && !passwordless;
    }

    private static URI publicBase(Config config) {
        String base = config.getOptionalValue("gatehouse.public.base-url", String.class).map(String::trim).orElse("");
        if (base.isEmpty()) {
            return URI.create("http://localhost:" + config.getOptionalValue("http.port", Integer.class).orElse(9080));
        }
        try {
            URI uri = URI.create(base);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("gatehouse.public.base-url", base, "must be an absolute http or https URL");
        }
    }

    private static String origin(URI base) {
        String scheme = base.getScheme().toLowerCase(Locale.ROOT);
        boolean defaultPort = base.getPort() < 0 || (scheme.equals("https") && base.getPort() == 443)
                || (scheme.equals("http") && base.getPort() == 80);
        return scheme + "://" + base.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + base.getPort());
    }

    private static KeyStore trustStore(ConfigReader r, Optional<String> storePath, Optional<String> storePassword) {
        String path = storePath.orElseThrow(() -> new InvalidConfigException(
                r.key("attestation-trust-store"), null, "is required when " + r.key("attestation") + " is trusted"));
        char[] password = storePassword.map(String::toCharArray).orElse(null);
        Path file = Path.of(path);
        if (!Files.isRegularFile(file)) {
            throw new InvalidConfigException(r.key("attestation-trust-store"), path, "must name a readable key store file");
        }
        try {
            KeyStore store = KeyStore.getInstance(file.toFile(), password);
            if (store.size() == 0) {
                throw new InvalidConfigException(r.key("attestation-trust-store"), path, "holds no certificate");
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidConfigException(r.key("attestation-trust-store"), path,
                    "cannot be read as a PKCS #12 or JKS key store with the configured password");
        }
    }
}
