package dev.gatehouse.platform.http;

import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.ConfigReader;
import dev.gatehouse.kernel.config.InvalidConfigException;
import dev.gatehouse.kernel.net.IpRange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.List;

/**
 * {@code gatehouse.http.*}: request limits, which proxies may tell us the client address, host and scheme, and how
 * long browsers keep to HTTPS.
 */
@ApplicationScoped
public class HttpConfig implements CapabilityConfig {

    private long maxRequestBytes;
    private List<IpRange> trustedProxies;
    private Duration hstsMaxAge;

    protected HttpConfig() {
    }

    @Inject
    public HttpConfig(Config config) {
        ConfigReader r = ConfigReader.of(config, capability());
        this.maxRequestBytes = r.positiveLong("max-request-bytes");
        this.trustedProxies = r.list("trusted-proxies").stream().map(cidr -> {
            try {
                return IpRange.parse(cidr);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException(r.key("trusted-proxies"), cidr, "must list IP addresses or CIDR ranges");
            }
        }).toList();
        String hsts = r.string("hsts-max-age");
        this.hstsMaxAge = hsts.equals("0") ? Duration.ZERO : r.duration("hsts-max-age");
    }

    @Override
    public String capability() {
        return "http";
    }

    /** Request bodies larger than this are refused with 413. */
    public long maxRequestBytes() {
        return maxRequestBytes;
    }

    /**
     * Proxies whose {@code X-Forwarded-For}, {@code X-Forwarded-Host} and {@code X-Forwarded-Proto} are believed.
     * Empty: the socket address is the client and the {@code Host} header names the host.
     */
    public List<IpRange> trustedProxies() {
        return trustedProxies;
    }

    /**
     * How long browsers are told to use HTTPS only ({@code Strict-Transport-Security: max-age}); zero sends no such
     * header.
     */
    public Duration hstsMaxAge() {
        return hstsMaxAge;
    }

    public boolean trusted(String address) {
        return trustedProxies.stream().anyMatch(r -> r.contains(address));
    }
}
