package dev.gatehouse.platform.http;

import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.ConfigReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.Set;

/** {@code gatehouse.http.*}: request limits and which proxies may tell us the client address. */
@ApplicationScoped
public class HttpConfig implements CapabilityConfig {

    private long maxRequestBytes;
    private Set<String> trustedProxies;

    protected HttpConfig() {
    }

    @Inject
    public HttpConfig(Config config) {
        ConfigReader r = ConfigReader.of(config, capability());
        this.maxRequestBytes = r.positiveLong("max-request-bytes");
        this.trustedProxies = Set.copyOf(r.list("trusted-proxies"));
    }

    @Override
    public String capability() {
        return "http";
    }

    /** Request bodies larger than this are refused with 413. */
    public long maxRequestBytes() {
        return maxRequestBytes;
    }

    /** Addresses whose X-Forwarded-For header is believed. Empty: the socket address is the client. */
    public Set<String> trustedProxies() {
        return trustedProxies;
    }
}
