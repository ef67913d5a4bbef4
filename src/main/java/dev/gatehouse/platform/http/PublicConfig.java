package dev.gatehouse.platform.http;

import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.ConfigReader;
import dev.gatehouse.kernel.config.InvalidConfigException;
import dev.gatehouse.kernel.net.HostAndPort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code gatehouse.public.base-url}: the URL people and clients reach Gatehouse at (Kratos'
 * {@code serve.public.base_url}, Hydra's {@code urls.self.issuer}, Keycloak's {@code hostname}). Required outside
 * demo mode: without it there is no way to tell a genuine host from one an attacker put in the {@code Host} header.
 */
@ApplicationScoped
public class PublicConfig implements CapabilityConfig {

    static final String BASE_URL = "base-url";

    private PublicOrigins origins;

    protected PublicConfig() {
    }

    @Inject
    public PublicConfig(Config config) {
        ConfigReader r = ConfigReader.of(config, capability());
        boolean demo = ConfigReader.of(config, "demo").bool("enabled");
        Optional<String> base = r.optionalString(BASE_URL);
        if (base.isPresent()) {
            this.origins = PublicOrigins.configured(parse(r.key(BASE_URL), base.get()));
        } else if (demo) {
            this.origins = PublicOrigins.loopback(config.getOptionalValue("http.port", Integer.class).orElse(9080));
        } else {
            throw new InvalidConfigException(r.key(BASE_URL), null,
                    "is required outside demo mode: the URL users reach Gatehouse at, e.g. https://login.example.com");
        }
    }

    @Override
    public String capability() {
        return "public";
    }

    public PublicOrigins origins() {
        return origins;
    }

    static URI parse(String key, String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(key, value, "must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getRawAuthority() == null
                || HostAndPort.parse(uri.getRawAuthority()).isEmpty()) {
            throw new InvalidConfigException(key, value, "must be an absolute http or https URL with a host name");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidConfigException(key, value, "must not have a query or fragment");
        }
        return uri;
    }
}
