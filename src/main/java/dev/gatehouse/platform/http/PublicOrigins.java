package dev.gatehouse.platform.http;

import dev.gatehouse.kernel.net.HostAndPort;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Which hosts this server answers for, and the base URL of each: every absolute URL Gatehouse writes (mail links,
 * form actions, redirects, the issuer) starts with one of these, never with a host a client merely asked for.
 * <ul>
 *   <li>With a configured public base URL ({@code https://login.example.com[/path]}): its host, answered with that
 *       URL; a registered tenant host, answered with the same scheme, port and path; nothing else.</li>
 *   <li>Without one (demo mode only): the loopback names and registered tenant hosts, answered with the scheme
 *       and port the request came with.</li>
 * </ul>
 */
public final class PublicOrigins {

    private final URI configured;
    private final String fallback;

    private PublicOrigins(URI configured, String fallback) {
        this.configured = configured;
        this.fallback = fallback;
    }

    /** Hosts of a configured public base URL (absolute http(s), no query, fragment or user info). */
    public static PublicOrigins configured(URI baseUrl) {
        String base = baseUrl.toString();
        return new PublicOrigins(baseUrl, base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    /** Loopback names only, for the demo run; {@code port} is the HTTP port for answers that name no host. */
    public static PublicOrigins loopback(int port) {
        return new PublicOrigins(null, "http://localhost" + (port == 80 ? "" : ":" + port));
    }

    /**
     * The base URL (no trailing slash) to answer a request for {@code asked} with, or empty when this server does
     * not serve that host.
     *
     * @param scheme     the scheme the request came with (only used without a configured base URL)
     * @param tenantHost whether {@code asked}'s host is registered to a tenant
     */
    public Optional<String> baseFor(HostAndPort asked, String scheme, boolean tenantHost) {
        if (configured == null) {
            if (!asked.loopback() && !tenantHost) {
                return Optional.empty();
            }
            String s = "https".equalsIgnoreCase(scheme) ? "https" : "http";
            return Optional.of(s + "://" + asked.authority(s));
        }
        String host = configured.getHost().toLowerCase(Locale.ROOT);
        if (asked.host().equals(host)) {
            return Optional.of(fallback);
        }
        if (!tenantHost) {
            return Optional.empty();
        }
        String s = configured.getScheme().toLowerCase(Locale.ROOT);
        HostAndPort withPort = new HostAndPort(asked.host(), configured.getPort());
        return Optional.of(s + "://" + withPort.authority(s) + path());
    }

    /** The base URL for answers that are not about a host the client named (health, decisions, the proxy port). */
    public String fallback() {
        return fallback;
    }

    /** Whether a base URL was configured (otherwise only loopback names are served). */
    public boolean isConfigured() {
        return configured != null;
    }

    private String path() {
        String p = configured.getRawPath();
        return p == null || p.equals("/") ? "" : p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
