package dev.gatehouse.kernel.log;

import dev.gatehouse.kernel.JsonP;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from anything about to be logged: header maps, key/value details, JSON documents,
 * URLs with query strings, and free text that contains {@code key=value} or {@code Bearer ...} pairs.
 * Later code logs through this so that a password, token, cookie or Authorization header cannot end up
 * in a log by accident.
 */
public final class Redactor {

    public static final String MASK = "[REDACTED]";

    /** Substrings of a key (lower case, without '-' or '_') that mark its value as secret. */
    private static final String[] SECRET_KEY_PARTS = {
        "password", "passwd", "secret", "token", "cookie", "authorization", "apikey", "credential",
        "assertion", "privatekey", "code", "totp", "csrf", "session", "signature", "nonce", "recovery", "jwt",
        "ticket"
    };

    /** Keys that are secret only as whole names (as parts they occur in harmless words). */
    private static final String[] SECRET_KEYS = {"otp", "pin", "key", "pass", "pwd"};

    /** Keys containing a secret-looking part but known to be harmless. */
    private static final String[] SAFE_KEYS = {
        "responsetype", "granttype", "tokentype", "tokenendpointauthmethod", "codechallengemethod",
        "sessionid", "sessionage", "sessioncount", "countrycode", "statuscode", "errorcode", "postalcode", "zipcode"
    };

    private static final Pattern PAIR = Pattern.compile(
            "(?i)([\"']?)([A-Za-z0-9_.\\-]{2,64})\\1(\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s&,;\"'}]+)");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic|dpop)\\s+[A-Za-z0-9._~+/=\\-]+");

    private Redactor() {
    }

    /** Whether a field, header, parameter or cookie of this name holds a secret. */
    public static boolean isSecretKey(String key) {
        if (key == null) {
            return false;
        }
        String k = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
        for (String safe : SAFE_KEYS) {
            if (k.equals(safe)) {
                return false;
            }
        }
        for (String exact : SECRET_KEYS) {
            if (k.equals(exact)) {
                return true;
            }
        }
        for (String part : SECRET_KEY_PARTS) {
            if (k.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** The value, or the mask if the key names a secret. */
    public static String value(String key, String value) {
        return value == null ? null : isSecretKey(key) ? MASK : text(value);
    }

    /** A copy of the map with secret values masked; keys keep their order. */
    public static Map<String, String> map(Map<String, String> in) {
        Map<String, String> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, value(k, v)));
        return out;
    }

    /** Free text: masks {@code key=value} / {@code "key": "value"} pairs with secret keys and credentials after auth schemes. */
    public static String text(String in) {
        if (in == null || in.isEmpty() || !mayHoldCredential(in)) {
            return in;
        }
        String s = BEARER.matcher(in).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + MASK));
        Matcher m = PAIR.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String replacement = isSecretKey(m.group(2))
                    ? m.group(1) + m.group(2) + m.group(1) + m.group(3) + quoteLike(m.group(4))
                    : m.group();
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * Whether either pattern could match: a pair needs {@code =} or {@code :}, a scheme and its credentials need white
     * space between them. Most logged values (ids, names, times) have neither and skip the regular expressions.
     */
    private static boolean mayHoldCredential(String in) {
        for (int i = 0; i < in.length(); i++) {
            char c = in.charAt(i);
            if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                return true;
            }
        }
        return false;
    }

    /** A JSON value with every member whose name is secret replaced by the mask, at any depth. */
    public static JsonValue json(JsonValue in) {
        return switch (in.getValueType()) {
            case OBJECT -> {
                JsonObjectBuilder b = JsonP.createObjectBuilder();
                in.asJsonObject().forEach((k, v) -> b.add(k, isSecretKey(k) && v.getValueType() != JsonValue.ValueType.NULL
                        ? JsonP.createValue(MASK) : json(v)));
                yield b.build();
            }
            case ARRAY -> {
                JsonArrayBuilder b = JsonP.createArrayBuilder();
                in.asJsonArray().forEach(v -> b.add(json(v)));
                yield b.build();
            }
            case STRING -> JsonP.createValue(text(((jakarta.json.JsonString) in).getString()));
            default -> in;
        };
    }

    private static String quoteLike(String original) {
        if (original.startsWith("\"")) {
            return "\"" + MASK + "\"";
        }
        if (original.startsWith("'")) {
            return "'" + MASK + "'";
        }
        return MASK;
    }
}
