package dev.gatehouse.kernel.net;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CIDR range ({@code 10.0.0.0/8}, {@code fd00::/8}) or a single address ({@code 192.0.2.7}). Addresses are
 * parsed only as IP literals: a host name is never looked up and never falls inside a range.
 */
public final class IpRange {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("(?=.*:)[0-9a-fA-F:][0-9a-fA-F:.]*");

    private final byte[] network;
    private final int bits;
    private final String text;

    private IpRange(byte[] network, int bits, String text) {
        this.network = network;
        this.bits = bits;
        this.text = text;
    }

    /** Parses {@code address} or {@code address/bits}; throws {@link IllegalArgumentException} otherwise. */
    public static IpRange parse(String cidr) {
        String t = cidr.trim();
        int slash = t.indexOf('/');
        byte[] network = literal(slash < 0 ? t : t.substring(0, slash))
                .orElseThrow(() -> new IllegalArgumentException("invalid CIDR " + cidr));
        try {
            int bits = slash < 0 ? network.length * 8 : Integer.parseInt(t.substring(slash + 1));
            if (bits < 0 || bits > network.length * 8) {
                throw new IllegalArgumentException("invalid CIDR " + cidr);
            }
            return new IpRange(network, bits, t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid CIDR " + cidr);
        }
    }

    /** Whether the address (an IP literal, IPv6 possibly in brackets or with a zone) lies in this range. */
    public boolean contains(String ip) {
        if (ip == null) {
            return false;
        }
        String bare = ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
        Optional<byte[]> address = literal(bare.contains(":") && bare.contains("%") ? bare.substring(0, bare.indexOf('%')) : bare);
        if (address.isEmpty() || address.get().length != network.length) {
            return false;
        }
        int shift = network.length * 8 - bits;
        return new BigInteger(1, address.get()).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
    }

    /**
     * The bytes of an IP address literal: a dotted quad, or text with a colon made only of hex digits, colons
     * and dots, which {@link InetAddress#getByName} parses without a name lookup (it never resolves a string
     * with a colon that starts with a hex digit or colon). Anything else, a host name included, is empty.
     */
    public static Optional<byte[]> literal(String text) {
        Matcher quad = IPV4.matcher(text);
        if (quad.matches()) {
            byte[] out = new byte[4];
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(quad.group(i + 1));
                if (part > 255) {
                    return Optional.empty();
                }
                out[i] = (byte) part;
            }
            return Optional.of(out);
        }
        if (!IPV6.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpRange r && r.bits == bits && Arrays.equals(r.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + bits;
    }

    @Override
    public String toString() {
        return text;
    }
}
