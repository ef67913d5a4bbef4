package dev.gatehouse.platform.http;

import dev.gatehouse.kernel.problem.ApiError;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The parts of a request every endpoint relies on the container and JAX-RS to parse, checked first: what they
 * would choke on (an exception, so a 500) is refused here with a 4xx that says what is wrong.
 */
final class RequestSyntax {

    /** The methods Gatehouse serves; the decisions API takes any, as Oathkeeper's does. */
    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    /** RFC 9110 §12.4.2 qvalue. */
    private static final Pattern QVALUE = Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");
    /** RFC 3986 §3.1 scheme. */
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]{0,31}");

    /** Why a request is refused, and as what. */
    record Refusal(ApiError error, String detail) {

        static Optional<Refusal> malformed(String detail) {
            return Optional.of(new Refusal(ApiError.MALFORMED_REQUEST, detail));
        }
    }

    private RequestSyntax() {
    }

    static boolean knownMethod(String method) {
        return METHODS.contains(method);
    }

    /** A %-escape must be two hex digits (and not a NUL, which no parameter may hold). */
    static Optional<Refusal> query(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
            if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
                return Refusal.malformed("The query string has a % that does not start a %-escape of two hex digits");
            }
            if (raw.charAt(i + 1) == '0' && raw.charAt(i + 2) == '0') {
                return Refusal.malformed("The query string holds a NUL character (%00)");
            }
        }
        return Optional.empty();
    }

    /** Every {@code q} of an Accept header must be a qvalue: JAX-RS fails on one that is not a number. */
    static Optional<Refusal> accept(String header) {
        if (header == null) {
            return Optional.empty();
        }
        for (String range : header.split(",")) {
            String[] params = range.split(";");
            for (int i = 1; i < params.length; i++) {
                int eq = params[i].indexOf('=');
                String name = (eq < 0 ? params[i] : params[i].substring(0, eq)).trim();
                if (name.equalsIgnoreCase("q") && (eq < 0 || !QVALUE.matcher(params[i].substring(eq + 1).trim()).matches())) {
                    return Refusal.malformed("The Accept header has a q that is not a number from 0 to 1");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A Content-Type's parameters must be well-formed (the container fails on an unterminated quote, even while
     * it writes an error page), and a charset one that exists.
     */
    static Optional<Refusal> contentType(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String[] params = header.split(";");
        for (int i = 1; i < params.length; i++) {
            int eq = params[i].indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = params[i].substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = params[i].substring(eq + 1).trim();
            if (value.startsWith("\"")) {
                if (value.length() < 2 || !value.endsWith("\"")) {
                    return Refusal.malformed("The Content-Type header has a quoted parameter that is not closed");
                }
                value = value.substring(1, value.length() - 1);
            }
            if (name.equals("charset") && !supported(value)) {
                return Optional.of(new Refusal(ApiError.UNSUPPORTED_MEDIA_TYPE, "The charset of the Content-Type header is not supported"));
            }
        }
        return Optional.empty();
    }

    private static boolean supported(String charset) {
        try {
            return !charset.isEmpty() && Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    /** JAX-RS takes X-Forwarded-Proto as the scheme of the request URI; anything but a scheme breaks that URI. */
    static Optional<Refusal> forwardedProto(String header) {
        if (header == null || SCHEME.matcher(header.trim()).matches()) {
            return Optional.empty();
        }
        return Refusal.malformed("The X-Forwarded-Proto header is not a URI scheme");
    }
}
