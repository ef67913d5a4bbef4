package dev.gatehouse.audit;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What of a client address a tenant's audit rows keep ({@code audit.ip-masking}): all of it ({@link #NONE}), its
 * network only ({@link #TRUNCATE}: an IPv4 address to its /24, an IPv6 address to its /48, as Google Analytics'
 * {@code anonymizeIp} does), or a keyed hash of it ({@link #HASH}: {@code hmac:} and 32 hex digits of the server's
 * HMAC-SHA-256 of the address, so rows from one address stay correlatable while the address cannot be read back,
 * not even by trying every IPv4 address, without the server's key). A value that is not an IP address is not kept
 * when masking.
 */
public enum IpMasking {
    NONE, TRUNCATE, HASH;

    /** How a hashed address starts; a query value that starts so is taken as already masked. */
    public static final String HASH_PREFIX = "hmac:";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");
    private static final int HASH_HEX_DIGITS = 32;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * What a row keeps of {@code ip}.
     *
     * @param hmac lower-case hex HMAC-SHA-256 under the server's key (used by {@link #HASH} only)
     */
    public String mask(String ip, UnaryOperator<String> hmac) {
        if (this == NONE || ip == null) {
            return ip;
        }
        Optional<InetAddress> address = literal(ip);
        if (address.isEmpty()) {
            return null;
        }
        return switch (this) {
            case TRUNCATE -> truncate(address.get());
            case HASH -> HASH_PREFIX + hmac.apply("audit-ip:" + address.get().getHostAddress()).substring(0, HASH_HEX_DIGITS);
            case NONE -> ip;
        };
    }

    /**
     * The value to look for in rows when a query filters on {@code ip}: masked as the rows are, so filtering by the
     * full address finds them; a value that is already masked (a truncated network, a hash) is looked for as it is.
     */
    public String query(String ip, UnaryOperator<String> hmac) {
        if (this == HASH && ip.startsWith(HASH_PREFIX)) {
            return ip;
        }
        String masked = mask(ip, hmac);
        return masked == null ? ip : masked;
    }

    private static String truncate(InetAddress address) {
        byte[] bytes = address.getAddress();
        int keep = address instanceof Inet4Address ? 3 : 6;
        Arrays.fill(bytes, keep, bytes.length, (byte) 0);
        try {
            InetAddress network = InetAddress.getByAddress(bytes);
            return network instanceof Inet6Address ? compressed(bytes) : network.getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of 4 or 16 bytes", e);
        }
    }

    /** An IPv6 address in its short form (RFC 5952): lower case, the longest run of zero groups as {@code ::}. */
    private static String compressed(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLength - 1;
                continue;
            }
            if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
                s.append(':');
            }
            s.append(Integer.toHexString(groups[i]));
        }
        return s.toString();
    }

    /** The address an IP literal names, parsed without any name lookup; empty for anything else. */
    private static Optional<InetAddress> literal(String ip) {
        String s = ip.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        boolean v4 = IPV4.matcher(s).matches() && Arrays.stream(s.split("\\.")).allMatch(o -> Integer.parseInt(o) <= 255);
        if (!v4 && !(s.contains(":") && IPV6.matcher(s).matches())) {
            return Optional.empty();
        }
        try {
            // a literal of these characters is parsed, never looked up
            return Optional.of(InetAddress.getByName(s));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
