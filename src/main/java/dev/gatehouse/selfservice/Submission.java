package dev.gatehouse.selfservice;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.json.JsonBodies;
import dev.gatehouse.kernel.problem.ApiException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A flow submission, from a JSON body (API clients, SPAs) or an HTML form post (browsers without script):
 * scalar fields ({@code method}, {@code identifier}, {@code password}, {@code csrf_token}) and the traits,
 * which a form sends flattened as {@code traits.name.first}.
 *
 * @param json whether the client sent (and so expects) JSON
 */
public record Submission(Map<String, String> fields, JsonObject traits, boolean json) {

    private static final int MAX_FIELDS = 200;

    /** No submission at all (a link was followed): answered like a browser form post. */
    public static final Submission NONE = new Submission(Map.of(), JsonValue.EMPTY_JSON_OBJECT, false);

    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name)).filter(s -> !s.isEmpty());
    }

    public static Submission parse(String contentType, InputStream body) {
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/json")) {
            return fromJson(JsonBodies.readObject(body));
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return fromForm(read(body));
        }
        throw new ApiException(dev.gatehouse.kernel.problem.ApiError.UNSUPPORTED_MEDIA_TYPE,
                "Send application/json or application/x-www-form-urlencoded");
    }

    static Submission fromJson(JsonObject o) {
        Map<String, String> fields = new HashMap<>();
        JsonObject traits = JsonValue.EMPTY_JSON_OBJECT;
        for (var e : o.entrySet()) {
            if (e.getKey().equals("traits")) {
                if (e.getValue().getValueType() != JsonValue.ValueType.OBJECT) {
                    throw ApiException.invalid("traits", "must be a JSON object");
                }
                traits = e.getValue().asJsonObject();
            } else if (e.getValue() instanceof JsonString s) {
                fields.put(e.getKey(), s.getString());
            } else if (e.getValue() == JsonValue.TRUE || e.getValue() == JsonValue.FALSE) {
                // Kratos' buttons sent as JSON booleans by its SDKs: {"totp_unlink": true}
                fields.put(e.getKey(), String.valueOf(e.getValue() == JsonValue.TRUE));
            }
        }
        // Kratos' older name for the login identifier
        if (!fields.containsKey("identifier") && fields.containsKey("password_identifier")) {
            fields.put("identifier", fields.get("password_identifier"));
        }
        return new Submission(fields, traits, true);
    }

    static Submission fromForm(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, Object> traits = new LinkedHashMap<>();
        int count = 0;
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++count > MAX_FIELDS) {
                throw ApiException.malformed("Too many form fields");
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (name.startsWith("traits.")) {
                put(traits, name.substring("traits.".length()).split("\\.", 8), value);
            } else {
                fields.put(name, value);
            }
        }
        return new Submission(fields, toJson(traits), false);
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> into, String[] path, String value) {
        Map<String, Object> at = into;
        for (int i = 0; i < path.length - 1; i++) {
            Object next = at.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
            if (!(next instanceof Map)) {
                throw ApiException.malformed("Conflicting form field names");
            }
            at = (Map<String, Object>) next;
        }
        if (!value.isEmpty()) {
            at.put(path[path.length - 1], value);
        }
    }

    @SuppressWarnings("unchecked")
    private static JsonObject toJson(Map<String, Object> map) {
        JsonObjectBuilder b = JsonP.createObjectBuilder();
        map.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m) {
                JsonObject nested = toJson((Map<String, Object>) m);
                if (!nested.isEmpty()) {
                    b.add(k, nested);
                }
            } else {
                b.add(k, (String) v);
            }
        });
        return b.build();
    }

    private static String read(InputStream body) {
        try {
            byte[] bytes = body.readAllBytes();
            var decoder = StandardCharsets.UTF_8.newDecoder();
            return decoder.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw ApiException.malformed("The form is not valid UTF-8");
        } catch (dev.gatehouse.kernel.BodyTooLargeException e) {
            throw new ApiException(dev.gatehouse.kernel.problem.ApiError.PAYLOAD_TOO_LARGE, "The request body is larger than allowed");
        } catch (IOException e) {
            throw ApiException.malformed("The request body could not be read");
        }
    }

    private static String decode(String s) {
        String decoded;
        try {
            decoded = URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.malformed("The form is not validly encoded");
        }
        if (decoded.indexOf('\0') >= 0) {
            // an identifier with a NUL would reach the database as a lookup key, which PostgreSQL refuses
            throw ApiException.malformed("A form field holds a NUL character");
        }
        return decoded;
    }
}
