package dev.gatehouse.selfservice.strategy.webauthn;

import dev.gatehouse.credential.webauthn.Challenge;
import dev.gatehouse.identity.schema.CredentialKind;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.json.JsonBodies;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import jakarta.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The options of a ceremony as a flow's form carries them: the JSON in a node's value (Kratos' trigger and
 * {@code *_create_data} / {@code passkey_challenge} nodes), read back from the flow as it is stored on the server.
 * The challenge a browser's answer is checked against is the one in the form the flow showed, never one the
 * submission brings, so an answer made for another flow, or for a challenge a client chose, is refused.
 */
public final class Ceremonies {

    private Ceremonies() {
    }

    /** The {@code publicKey} options in the value of the node named {@code node} of {@code shown}, if any. */
    public static Optional<JsonObject> options(Ui shown, String node) {
        return shown.valueOf(node).flatMap(Ceremonies::parse).map(o -> o.containsKey("credentialOptions") ? o.getJsonObject("credentialOptions") : o)
                .filter(o -> o.containsKey("publicKey")).map(o -> o.getJsonObject("publicKey"));
    }

    public static Optional<Challenge> challenge(Ui shown, String node) {
        return options(shown, node).map(o -> Challenge.parse(o.getString("challenge")));
    }

    /** The registration options' {@code user.id}: the user handle the new credential will answer with. */
    public static Optional<byte[]> userHandle(Ui shown, String node) {
        return options(shown, node).map(o -> Base64.getUrlDecoder().decode(o.getJsonObject("user").getString("id")));
    }

    /** The registration options' {@code user.name}. */
    public static Optional<String> userName(Ui shown, String node) {
        return options(shown, node).map(o -> o.getJsonObject("user").getString("name", ""));
    }

    /** A hidden input carrying JSON, as Kratos' {@code passkey_create_data} and {@code passkey_challenge}. */
    public static UiNode hidden(String group, String name, JsonObject value) {
        return UiNode.input(group, name, "hidden", JsonP.createValue(value.toString()), false, null, null);
    }

    /** A hidden input the script fills with the browser's answer. */
    public static UiNode answer(String group, String name) {
        return UiNode.input(group, name, "hidden", JsonP.createValue(""), false, null, null);
    }

    /**
     * A button that starts a ceremony in the browser (Kratos' {@code *_trigger} nodes, type {@code button}); its value
     * is the options JSON for the second-factor triggers, empty when a hidden node carries them.
     */
    public static UiNode trigger(String group, String name, String value, dev.gatehouse.selfservice.UiText label) {
        return UiNode.input(group, name, "button", JsonP.createValue(value), false, null, label);
    }

    /**
     * The name an authenticator shows for the account: the first trait the schema marks as a WebAuthn identifier
     * (Kratos' passkey display name falls back to it), else a password or code identifier; empty when none has a value.
     */
    public static Optional<String> accountName(dev.gatehouse.identity.schema.IdentitySchema schema, JsonObject traits) {
        for (var kind : List.of(CredentialKind.WEBAUTHN, CredentialKind.PASSWORD, CredentialKind.CODE)) {
            List<String> ids = schema.identifiers(kind, traits);
            if (!ids.isEmpty()) {
                return Optional.of(ids.get(0));
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonObject> parse(String json) {
        try {
            return Optional.of(JsonBodies.readObject(json.getBytes(StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
