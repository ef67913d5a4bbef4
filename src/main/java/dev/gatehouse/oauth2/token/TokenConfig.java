package dev.gatehouse.oauth2.token;

import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.ConfigKey;
import dev.gatehouse.kernel.config.ConfigReader;
import dev.gatehouse.kernel.config.InvalidConfigException;
import dev.gatehouse.oauth2.client.TokenLifespans;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code gatehouse.oauth2.*} keys of the token endpoint: default lifespans (a client's own
 * {@link TokenLifespans} win), the refresh-token rotation grace period, the clean-up of expired rows and the
 * mapping of identity traits to OpenID Connect claims ({@code gatehouse.oauth2.claims.<claim>=<trait path>}) and
 * of identity data to access token claims ({@code gatehouse.oauth2.access-token.claims.<claim>=<path>}).
 */
@ConfigKey(name = "gatehouse.oauth2.claims.<claim>", description = "An OpenID Connect claim of ID tokens and userinfo"
        + " from identity traits: the value is a trait path, several paths separated by spaces are joined with a space,"
        + " and an empty value drops the claim. The scope that releases a claim follows OpenID Connect Core 5.4"
        + " (unknown claims: profile). New names are found by listing the configuration's keys, so an environment"
        + " variable can change a listed claim but not add one: add claims in a configuration file or as system properties.")
@ConfigKey(name = "gatehouse.oauth2.access-token.claims.<claim>", description = "An access token claim that the"
        + " built-in consent grants from the identity: the value is a path under traits. or metadata_public.; an empty"
        + " value drops the claim. New names are found as for gatehouse.oauth2.claims.<claim>.")
@ApplicationScoped
public class TokenConfig implements CapabilityConfig {

    private static final String CLAIMS = "claims.";
    private static final String ACCESS_TOKEN_CLAIMS = "access-token.claims.";

    private Duration accessToken;
    private Duration refreshToken;
    private Duration idToken;
    private Duration authorizationCode;
    private Duration rotationGracePeriod;
    private Map<String, String> claims;
    private Map<String, String> accessTokenClaims;

    protected TokenConfig() {
    }

    @Inject
    public TokenConfig(Config config) {
        ConfigReader r = ConfigReader.of(config, capability());
        this.accessToken = r.duration("access-token.lifespan");
        this.refreshToken = r.duration("refresh-token.lifespan");
        this.idToken = r.duration("id-token.lifespan");
        this.authorizationCode = r.duration("authorization-code.lifespan");
        this.rotationGracePeriod = r.durationOrZero("refresh-token.rotation-grace-period");
        this.claims = mapping(config, r, CLAIMS);
        this.accessTokenClaims = mapping(config, r, ACCESS_TOKEN_CLAIMS);
        accessTokenClaims.forEach((claim, path) -> {
            if (!path.startsWith("traits.") && !path.startsWith("metadata_public.")) {
                throw new InvalidConfigException(r.key(ACCESS_TOKEN_CLAIMS + claim), path,
                        "must be a path under traits. or metadata_public.");
            }
        });
    }

    /** {@code <prefix><name>=<value>} keys as name → value; an empty value drops the entry. */
    private static Map<String, String> mapping(Config config, ConfigReader r, String suffix) {
        Map<String, String> mapping = new LinkedHashMap<>();
        String prefix = r.key(suffix);
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                r.optionalString(name.substring(prefix.length() - suffix.length()))
                        .ifPresent(path -> mapping.put(name.substring(prefix.length()), path));
            }
        }
        return Map.copyOf(mapping);
    }

    @Override
    public String capability() {
        return "oauth2";
    }

    public Duration accessToken(TokenLifespans client) {
        return client.accessToken().orElse(accessToken);
    }

    public Duration refreshToken(TokenLifespans client) {
        return client.refreshToken().orElse(refreshToken);
    }

    public Duration idToken(TokenLifespans client) {
        return client.idToken().orElse(idToken);
    }

    public Duration authorizationCode(TokenLifespans client) {
        return client.authorizationCode().orElse(authorizationCode);
    }

    /** How long a rotated refresh token may still be used (0: never; reuse revokes the chain). */
    public Duration rotationGracePeriod() {
        return rotationGracePeriod;
    }

    /** Claim name → trait path(s): dot-separated, several separated by spaces are joined with a space. */
    public Map<String, String> claims() {
        return claims;
    }

    /**
     * Claim name → identity path ({@code metadata_public.roles}, {@code traits.department}) that the built-in
     * consent puts into access tokens ({@code session.access_token}), as Keycloak puts roles into them.
     */
    public Map<String, String> accessTokenClaims() {
        return accessTokenClaims;
    }
}
