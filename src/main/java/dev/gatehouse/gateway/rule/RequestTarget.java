package dev.gatehouse.gateway.rule;

import dev.gatehouse.gateway.rule.RejectedRequestException.Reason;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a request asks for, read once before any rule sees it: the method in upper case; scheme and host in
 * lower case, without a trailing dot or the scheme's default port; the path percent-decoded once. The
 * query is not part of it (rules ignore it, as Oathkeeper's do).
 * <p>
 * The path is never rewritten: a path that a server could read as another path is refused outright
 * ({@link RejectedRequestException}), so the rule that matches is the rule for what any upstream serves,
 * whether it gets the client's own spelling (the decisions API behind nginx, the servlet filter) or
 * {@link #encodedPath()} (the reverse proxy), and whether or not it normalises paths itself. Refused: dot
 * segments ({@code /a/../b}, {@code /a/./b}), empty segments ({@code //}), encoded dots ({@code %2e}, any
 * case), encoded slashes and backslashes, backslashes, semicolons (path parameters, which servlet
 * containers drop before routing: {@code /admin;.css}), anything still percent-encoded after one decoding,
 * invalid escapes, invalid UTF-8, control characters, raw non-ASCII; also hosts that are not host names
 * and overlong URIs. Other escapes ({@code %20}, {@code %41}) are decoded and judged as what they stand for.
 *
 * @param path decoded absolute path; {@link #encodedPath()} is what goes upstream
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
            throw new RejectedRequestException(Reason.INVALID_METHOD);
        }
        String s = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        if (!s.equals("http") && !s.equals("https")) {
            throw new RejectedRequestException(Reason.INVALID_SCHEME);
        }
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        if (path.length() > MAX_URI_LENGTH) {
            throw new RejectedRequestException(Reason.URI_TOO_LONG);
        }
        return new RequestTarget(method.toUpperCase(Locale.ROOT), s, host(hostAndPort, s), decodePath(path));
    }

    /** The URL rules match: {@code scheme://host[:port]/path}. */
    public String url() {
        return scheme + "://" + host + path;
    }

    /** The decoded path, percent-encoded again for the upstream's request line (decodes to the same path). */
    public String encodedPath() {
        return encode(path);
    }

    static String host(String hostAndPort, String scheme) {
        if (hostAndPort == null || hostAndPort.isBlank() || hostAndPort.length() > 255) {
            throw new RejectedRequestException(Reason.INVALID_HOST);
        }
        String h = hostAndPort.trim().toLowerCase(Locale.ROOT);
        String port = "";
        int colon = h.lastIndexOf(':');
        if (colon > 0 && h.indexOf(']') < colon) {
            port = h.substring(colon + 1);
            h = h.substring(0, colon);
            if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) {
                throw new RejectedRequestException(Reason.INVALID_HOST);
            }
            if (("http".equals(scheme) && port.equals("80")) || ("https".equals(scheme) && port.equals("443"))) {
                port = "";
            }
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (!HOST.matcher(h).matches()) {
            throw new RejectedRequestException(Reason.INVALID_HOST);
        }
        return port.isEmpty() ? h : h + ":" + port;
    }

    static String decodePath(String raw) {
        if (!raw.startsWith("/")) {
            throw new RejectedRequestException(Reason.NOT_ABSOLUTE);
        }
        String path = decode(raw);
        if (containsEscape(path)) {
            throw new RejectedRequestException(Reason.DOUBLE_ENCODING);
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                throw new RejectedRequestException(Reason.CONTROL_CHARACTER);
            }
            if (c == '\\') {
                throw new RejectedRequestException(Reason.BACKSLASH);
            }
            if (c == ';') {
                throw new RejectedRequestException(Reason.SEMICOLON);
            }
        }
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.equals(".") || segment.equals("..")) {
                throw new RejectedRequestException(Reason.DOT_SEGMENT);
            }
            if (segment.isEmpty() && i < segments.length - 1) {
                throw new RejectedRequestException(Reason.EMPTY_SEGMENT);
            }
        }
        return path;
    }

    private static boolean containsEscape(String s) {
        for (int i = s.indexOf('%'); i >= 0 && i + 2 < s.length(); i = s.indexOf('%', i + 1)) {
            if (isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                return true;
            }
        }
        return false;
    }

    /** Decodes every escape once; an escaped dot, slash or backslash is refused, as is an invalid escape. */
    private static String decode(String raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || !isHex(raw.charAt(i + 1)) || !isHex(raw.charAt(i + 2))) {
                    throw new RejectedRequestException(Reason.INVALID_ESCAPE);
                }
                int b = Integer.parseInt(raw.substring(i + 1, i + 3), 16);
                if (b == '.') {
                    throw new RejectedRequestException(Reason.ENCODED_DOT);
                }
                if (b == '/' || b == '\\') {
                    throw new RejectedRequestException(Reason.ENCODED_SLASH);
                }
                out.write(b);
                i += 2;
            } else if (c > 0x7e) {
                throw new RejectedRequestException(Reason.NON_ASCII);
            } else {
                out.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new RejectedRequestException(Reason.INVALID_UTF8);
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
