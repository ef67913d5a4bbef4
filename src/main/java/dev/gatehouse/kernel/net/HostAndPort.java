package dev.gatehouse.kernel.net;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The host and optional port of a {@code Host} header or URL authority, checked strictly: a DNS name made of
 * letters, digits, {@code -} and {@code _} (lower-cased, a trailing dot dropped), a dotted-quad IPv4 address or
 * a bracketed IPv6 literal; a port from 1 to 65535. Anything else (user info, spaces, percent escapes, a
 * second colon) does not parse, so what is kept is always safe to echo and to compare.
 *
 * @param host the host, lower case, IPv6 with its brackets
 * @param port the port, or -1 when none was given
 */
public record HostAndPort(String host, int port) {

    private static final int MAX_HOST = 253;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");

    public HostAndPort {
        if (!validHost(host) || port != -1 && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("not a host and port");
        }
    }

    /** Parses {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port}; empty when malformed. */
    public static Optional<HostAndPort> parse(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_HOST + 7) {
            return Optional.empty();
        }
        String v = value.toLowerCase(Locale.ROOT);
        String host;
        String port = null;
        if (v.startsWith("[")) {
            int close = v.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            host = v.substring(0, close + 1);
            String rest = v.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    return Optional.empty();
                }
                port = rest.substring(1);
            }
        } else {
            int colon = v.indexOf(':');
            host = colon < 0 ? v : v.substring(0, colon);
            port = colon < 0 ? null : v.substring(colon + 1);
        }
        if (host.endsWith(".") && !host.startsWith("[")) {
            host = host.substring(0, host.length() - 1);
        }
        if (!validHost(host)) {
            return Optional.empty();
        }
        if (port == null) {
            return Optional.of(new HostAndPort(host, -1));
        }
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int n = Integer.parseInt(port);
        return n < 1 || n > 65535 ? Optional.empty() : Optional.of(new HostAndPort(host, n));
    }

    /** {@code localhost}, {@code 127.0.0.1} or {@code [::1]}: names that always mean this machine. */
    public boolean loopback() {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }

    /** {@code host[:port]} for a URL of the given scheme, leaving out the scheme's default port. */
    public String authority(String scheme) {
        boolean defaultPort = port == -1 || port == 80 && "http".equals(scheme) || port == 443 && "https".equals(scheme);
        return defaultPort ? host : host + ":" + port;
    }

    private static boolean validHost(String host) {
        if (host == null || host.isEmpty() || host.length() > MAX_HOST) {
            return false;
        }
        if (host.startsWith("[")) {
            return host.endsWith("]") && host.indexOf(':') > 0
                    && IpRange.literal(host.substring(1, host.length() - 1)).filter(b -> b.length == 16).isPresent();
        }
        for (String label : host.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }
}
