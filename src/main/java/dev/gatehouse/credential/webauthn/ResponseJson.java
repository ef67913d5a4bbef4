package dev.gatehouse.credential.webauthn;

import dev.gatehouse.kernel.json.BoundedJson;
import dev.gatehouse.kernel.json.JsonText;
import dev.gatehouse.kernel.json.MalformedJsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Reads the {@code PublicKeyCredential} JSON a browser script posts (<a href="https://www.w3.org/TR/webauthn-3/#dom-publickeycredential-tojson">WebAuthn
 * §5.1.8</a>, binary members base64url). Anything unexpected is {@link WebAuthnError#MALFORMED_RESPONSE}.
 */
final class ResponseJson {

    /** Far above any real credential (attestation certificates included), far below a request limit. */
    static final int MAX_CHARS = 64 * 1024;

    private final JsonObject credential;
    private final JsonObject response;

    private ResponseJson(JsonObject credential, JsonObject response) {
        this.credential = credential;
        this.response = response;
    }

    static ResponseJson parse(String json) {
        if (json == null || json.length() > MAX_CHARS) {
            throw malformed();
        }
        try {
            JsonValue v = BoundedJson.read(json);
            if (!(v instanceof JsonObject credential) || !(credential.get("response") instanceof JsonObject response)) {
                throw malformed();
            }
            if (!"public-key".equals(string(credential, "type"))) {
                throw malformed();
            }
            return new ResponseJson(credential, response);
        } catch (MalformedJsonException e) {
            throw malformed();
        }
    }

    /** {@code rawId}, or {@code id} when there is no {@code rawId}; both must agree when both are sent. */
    byte[] credentialId() {
        byte[] id = binary(credential, "id");
        if (credential.containsKey("rawId") && !Arrays.equals(id, binary(credential, "rawId"))) {
            throw malformed();
        }
        return id;
    }

    byte[] responseBinary(String member) {
        return binary(response, member);
    }

    byte[] optionalResponseBinary(String member) {
        JsonValue v = response.get(member);
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : binary(response, member);
    }

    Set<String> transports() {
        JsonValue v = response.get("transports");
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return Set.of();
        }
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw malformed();
        }
        Set<String> t = new LinkedHashSet<>();
        for (JsonValue e : v.asJsonArray()) {
            if (!(e instanceof JsonString s) || s.getString().length() > 32) {
                throw malformed();
            }
            t.add(s.getString());
        }
        return t;
    }

    /** The client extension outputs as JSON text, for webauthn4j; {@code null} when none were sent. */
    String clientExtensionsJson() {
        JsonValue v = credential.get("clientExtensionResults");
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw malformed();
        }
        return JsonText.write(v);
    }

    private static String string(JsonObject o, String member) {
        return o.get(member) instanceof JsonString s ? s.getString() : null;
    }

    private static byte[] binary(JsonObject o, String member) {
        String s = string(o, member);
        if (s == null || s.isEmpty()) {
            throw malformed();
        }
        try {
            return Base64.getUrlDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
    }

    private static WebAuthnException malformed() {
        return new WebAuthnException(WebAuthnError.MALFORMED_RESPONSE);
    }
}
