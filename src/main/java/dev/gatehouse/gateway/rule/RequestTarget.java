package dev.gatehouse.gateway.rule;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a request asks for, normalised once before any rule sees it, so the rule that matches is the rule
 * for what the upstream will serve: the method in upper case; scheme and host in lower case, without a
 * trailing dot or the scheme's default port; the path percent-decoded once, with {@code //} collapsed and
 * {@code .}/{@code ..} segments resolved. The query is not part of it (rules ignore it, as Oathkeeper's do).
 * <p>
 * Refused outright ({@link RejectedRequestException}): encoded slashes or backslashes, anything still
 * percent-encoded after one decoding (double encoding), invalid UTF-8 or control characters, a {@code ..}
 * above the root, hosts that are not host names, and overlong parts.
 *
 * @param path decoded, normalised, absolute path; {@link #encodedPath()} is what goes upstream
 */
public record RequestTarget(String method, String scheme, String host, String path) {

    public static final int MAX_URI_LENGTH = 4096;
    private static final Pattern METHOD = Pattern.compile("[A-Za-z]{1,20}");
    private static final Pattern HOST = Pattern.compile("(?:[a-z0-9](?:[a-z0-9_-]{0,62})?)(?:\\.[a-z0-9](?:[a-z0-9_-]{0,62})?)*"
            + "|\\[[0-9a-f:.]{2,45}\\]");

    /**
     * @param rawPath the path exactly as received (still percent-encoded); a query after {@code ?} is dropped
     */
    public static RequestTarget of(String method, String scheme, String hostAndPort, String rawPath) {
        if (method == null || !METHOD.matcher(method).matches()) {
            throw new RejectedRequestException("invalid method");
        }
        String s = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        if (!s.equals("http") && !s.equals("https")) {
            throw new RejectedRequestException("invalid scheme");
        }
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        if (path.length() > MAX_URI_LENGTH) {
            throw new RejectedRequestException("URI too long");
        }
        return new RequestTarget(method.toUpperCase(Locale.ROOT), s, host(hostAndPort, s), normalisePath(path));
    }

    /** The URL rules match: {@code scheme://host[:port]/path}. */
    public String url() {
        return scheme + "://" + host + path;
    }

    /** The normalised path, percent-encoded again for the upstream's request line. */
    public String encodedPath() {
        return encode(path);
    }

    static String host(String hostAndPort, String scheme) {
        if (hostAndPort == null || hostAndPort.isBlank() || hostAndPort.length() > 255) {
            throw new RejectedRequestException("invalid host");
        }
        String h = hostAndPort.trim().toLowerCase(Locale.ROOT);
        String port = "";
        int colon = h.lastIndexOf(':');
        if (colon > 0 && h.indexOf(']') < colon) {
            port = h.substring(colon + 1);
            h = h.substring(0, colon);
            if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) {
                throw new RejectedRequestException("invalid host");
            }
            if (("http".equals(scheme) && port.equals("80")) || ("https".equals(scheme) && port.equals("443"))) {
                port = "";
            }
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (!HOST.matcher(h).matches()) {
            throw new RejectedRequestException("invalid host");
        }
        return port.isEmpty() ? h : h + ":" + port;
    }

    static String normalisePath(String raw) {
        if (!raw.startsWith("/")) {
            throw new RejectedRequestException("path must be absolute");
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c")) {
            throw new RejectedRequestException("encoded slash in path");
        }
        String decoded = decode(raw);
        if (decoded.indexOf('%') >= 0 && containsEscape(decoded)) {
            throw new RejectedRequestException("double-encoded path");
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                throw new RejectedRequestException("forbidden character in path");
            }
        }
        Deque<String> segments = new ArrayDeque<>();
        String[] parts = decoded.split("/", -1);
        for (int i = 1; i < parts.length; i++) {
            String seg = parts[i];
            boolean last = i == parts.length - 1;
            if (seg.equals("..")) {
                if (segments.isEmpty()) {
                    throw new RejectedRequestException("path escapes the root");
                }
                segments.removeLast();
                if (last) {
                    segments.addLast("");
                }
            } else if (seg.equals(".") || (seg.isEmpty() && !last)) {
                if (last) {
                    segments.addLast("");
                }
            } else {
                segments.addLast(seg);
            }
        }
        return "/" + String.join("/", segments);
    }

    private static boolean containsEscape(String s) {
        for (int i = s.indexOf('%'); i >= 0 && i + 2 < s.length() + 0; i = s.indexOf('%', i + 1)) {
            if (i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                return true;
            }
        }
        return false;
    }

    private static String decode(String raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || !isHex(raw.charAt(i + 1)) || !isHex(raw.charAt(i + 2))) {
                    throw new RejectedRequestException("malformed percent-encoding");
                }
                out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c > 0x7e) {
                throw new RejectedRequestException("non-ASCII character in path");
            } else {
                out.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new RejectedRequestException("invalid UTF-8 in path");
        }
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static String encode(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "/-._~!$&'()*+,;=:@".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
