package dev.gatehouse.oauth2.client;

import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.ConfigReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;

/**
 * {@code gatehouse.oauth2.client.*}: limits of client authentication ({@code private_key_jwt} assertion lifetime,
 * fetching and caching of {@code jwks_uri}), and {@code gatehouse.oauth2.dynamic-registration.enabled}.
 */
@ApplicationScoped
public class ClientConfig implements CapabilityConfig {

    private Duration assertionMaxLifetime;
    private Duration jwksFetchTimeout;
    private Duration jwksCacheTtl;
    private int jwksCacheSize;
    private Duration cacheTtl;
    private boolean dynamicRegistration;

    protected ClientConfig() {
    }

    @Inject
    public ClientConfig(Config config) {
        ConfigReader r = ConfigReader.of(config, capability());
        this.assertionMaxLifetime = r.duration("assertion-max-lifetime");
        this.jwksFetchTimeout = r.duration("jwks-fetch-timeout");
        this.jwksCacheTtl = r.duration("jwks-cache-ttl");
        this.jwksCacheSize = r.intInRange("jwks-cache-size", 1, 1_000_000);
        this.cacheTtl = r.duration("cache-ttl");
        this.dynamicRegistration = ConfigReader.of(config, "oauth2.dynamic-registration").bool("enabled");
    }

    @Override
    public String capability() {
        return "oauth2.client";
    }

    /** A client assertion may expire at most this far in the future (its jti is kept that long). */
    public Duration assertionMaxLifetime() {
        return assertionMaxLifetime;
    }

    /** Connect and read time-out for fetching a client's {@code jwks_uri}. */
    public Duration jwksFetchTimeout() {
        return jwksFetchTimeout;
    }

    /** How long fetched client keys are reused. */
    public Duration jwksCacheTtl() {
        return jwksCacheTtl;
    }

    /** How many fetched key sets a node keeps at most. */
    public int jwksCacheSize() {
        return jwksCacheSize;
    }

    /**
     * How long a node reuses a client it read for the protocol endpoints; a change made on another node is in force
     * here after this at the latest (a change made on this node at once).
     */
    public Duration cacheTtl() {
        return cacheTtl;
    }

    /** Whether {@code /oauth2/register} (RFC 7591/7592) is open. */
    public boolean dynamicRegistration() {
        return dynamicRegistration;
    }
}
