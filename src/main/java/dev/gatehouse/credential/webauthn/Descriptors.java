package dev.gatehouse.credential.webauthn;

import dev.gatehouse.kernel.JsonP;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/** A credential as a {@code PublicKeyCredentialDescriptor} (WebAuthn §5.8.3): type, base64url id, transports. */
final class Descriptors {

    private Descriptors() {
    }

    static JsonObjectBuilder of(WebAuthnCredential c) {
        JsonObjectBuilder d = JsonP.createObjectBuilder().add("type", "public-key").add("id", c.idBase64url());
        if (!c.transports().isEmpty()) {
            JsonArrayBuilder t = JsonP.createArrayBuilder();
            c.transports().stream().sorted().forEach(t::add);
            d.add("transports", t);
        }
        return d;
    }
}
