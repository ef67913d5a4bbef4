package dev.gatehouse.oauth2.token;

import dev.gatehouse.oauth2.OAuth2Exception;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The form body of a protocol request, checked once: no parameter repeated (RFC 6749 §3.1, §3.2), none
 * oversized, not too many. Empty values count as absent (RFC 6749 §3.1).
 */
public record FormParameters(Map<String, String> values) {

    /** Longer than any legitimate value, a signed client assertion included. */
    static final int MAX_VALUE_LENGTH = 8192;
    static final int MAX_PARAMETERS = 64;

    public FormParameters {
        values = Map.copyOf(values);
    }

    public static FormParameters parse(MultivaluedMap<String, String> form) {
        if (form == null) {
            return new FormParameters(Map.of());
        }
        if (form.size() > MAX_PARAMETERS) {
            throw OAuth2Exception.invalidRequest("The request has too many parameters");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : form.entrySet()) {
            List<String> v = e.getValue();
            if (v.size() > 1) {
                throw OAuth2Exception.invalidRequest("The parameter '" + shown(e.getKey()) + "' is repeated");
            }
            String value = v.isEmpty() ? "" : v.get(0);
            if (value.length() > MAX_VALUE_LENGTH || e.getKey().length() > 128) {
                throw OAuth2Exception.invalidRequest("The parameter '" + shown(e.getKey()) + "' is too long");
            }
            if (!value.isEmpty()) {
                values.put(e.getKey(), value);
            }
        }
        return new FormParameters(values);
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> OAuth2Exception.invalidRequest("The parameter '" + name + "' is missing"));
    }

    private static String shown(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9_.-]", "?");
        return safe.length() > 40 ? safe.substring(0, 40) + "…" : safe;
    }
}
