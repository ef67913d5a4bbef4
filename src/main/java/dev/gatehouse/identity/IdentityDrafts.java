package dev.gatehouse.identity;

import dev.gatehouse.kernel.json.JsonFields;
import dev.gatehouse.kernel.problem.ApiException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Parses the Kratos admin bodies ({@code createIdentityBody}, {@code updateIdentityBody}) into drafts. */
public final class IdentityDrafts {

    /** Longer passwords are refused before hashing, so a body cannot buy seconds of argon2 work. */
    static final int MAX_PASSWORD_LENGTH = 4096;

    private IdentityDrafts() {
    }

    public static IdentityDraft parse(JsonObject body) {
        JsonValue traits = body.get("traits");
        if (traits == null || traits.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiException.invalid("traits", "must be a JSON object");
        }
        Optional<IdentityState> state = JsonFields.optionalString(body, "state").map(s -> IdentityState.fromWire(s)
                .orElseThrow(() -> ApiException.invalid("state", "must be active or inactive")));
        return new IdentityDraft(JsonFields.optionalString(body, "schema_id"), traits.asJsonObject(), state,
                body.getOrDefault("metadata_public", JsonValue.NULL), body.getOrDefault("metadata_admin", JsonValue.NULL),
                password(body), addresses(body));
    }

    private static Optional<IdentityDraft.PasswordInput> password(JsonObject body) {
        JsonObject config = object(body, "credentials", "credentials")
                .flatMap(c -> object(c, "password", "credentials.password"))
                .flatMap(p -> object(p, "config", "credentials.password.config"))
                .orElse(null);
        if (config == null) {
            return Optional.empty();
        }
        Optional<String> plain = JsonFields.optionalString(config, "password");
        Optional<String> hashed = JsonFields.optionalString(config, "hashed_password");
        if (plain.isPresent() && hashed.isPresent()) {
            throw ApiException.invalid("credentials.password.config", "give either password or hashed_password, not both");
        }
        if (plain.isPresent()) {
            if (plain.get().isEmpty() || plain.get().length() > MAX_PASSWORD_LENGTH) {
                throw ApiException.invalid("credentials.password.config.password", "must be 1 to " + MAX_PASSWORD_LENGTH + " characters");
            }
            return Optional.of(new IdentityDraft.PlainPassword(plain.get()));
        }
        return hashed.map(IdentityDraft.HashedPassword::new);
    }

    private static Optional<JsonObject> object(JsonObject o, String name, String path) {
        JsonValue v = o.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiException.invalid(path, "must be a JSON object");
        }
        return Optional.of(v.asJsonObject());
    }

    private static List<IdentityDraft.ImportedAddress> addresses(JsonObject body) {
        JsonValue v = body.get("verifiable_addresses");
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw ApiException.invalid("verifiable_addresses", "must be an array");
        }
        JsonArray array = v.asJsonArray();
        List<IdentityDraft.ImportedAddress> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "verifiable_addresses/" + i;
            if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                throw ApiException.invalid(at, "must be a JSON object");
            }
            JsonObject a = array.getJsonObject(i);
            String value = JsonFields.optionalString(a, "value").orElseThrow(() -> ApiException.invalid(at + "/value", "is required"));
            String via = JsonFields.optionalString(a, "via").orElse("email");
            boolean verified = a.containsKey("verified") && a.get("verified") == JsonValue.TRUE;
            VerifiableAddress.Status status = JsonFields.optionalString(a, "status")
                    .map(s -> parseStatus(s, at + "/status"))
                    .orElse(verified ? VerifiableAddress.Status.COMPLETED : VerifiableAddress.Status.PENDING);
            out.add(new IdentityDraft.ImportedAddress(via, value.trim().toLowerCase(Locale.ROOT), verified, status));
        }
        return out;
    }

    private static VerifiableAddress.Status parseStatus(String s, String field) {
        for (VerifiableAddress.Status st : VerifiableAddress.Status.values()) {
            if (st.wire().equals(s)) {
                return st;
            }
        }
        throw ApiException.invalid(field, "must be pending, sent or completed");
    }
}
