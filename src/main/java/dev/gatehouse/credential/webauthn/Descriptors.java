package dev.gatehouse.credential.webauthn;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/** A credential as a {@code PublicKeyCredentialDescriptor} (WebAuthn §5.8.3): type, base64url id, transports. */
final class Descriptors {

    private Descriptors() {
    }

    static JsonObjectBuilder of(WebAuthnCredential c) {
        JsonObjectBuilder d = Json.createObjectBuilder().add("type", "public-key").add("id", c.idBase64url());
        if (!c.transports().isEmpty()) {
            JsonArrayBuilder t = Json.createArrayBuilder();
            c.transports().stream().sorted().forEach(t::add);
            d.add("transports", t);
        }
        return d;
    }
}
