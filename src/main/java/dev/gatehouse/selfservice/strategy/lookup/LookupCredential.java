package dev.gatehouse.selfservice.strategy.lookup;

import dev.gatehouse.credential.lookup.RecoveryCode;
import dev.gatehouse.credential.lookup.RecoveryCodeSet;
import dev.gatehouse.identity.Credential;
import dev.gatehouse.identity.CredentialType;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.kernel.JsonP;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An identity's {@code lookup_secret} credential as stored: Kratos' config {@code {"recovery_codes": [...]}}, each
 * code as its keyed hash ({@code hash}) rather than the code, with {@code used_at} once used, and the set's
 * {@code salt} and {@code created_at}. Its identifier is the identity's id, as in Kratos.
 */
final class LookupCredential {

    private LookupCredential() {
    }

    static Optional<RecoveryCodeSet> of(Identity identity) {
        return identity.credential(CredentialType.LOOKUP_SECRET).filter(c -> c.config().containsKey("salt")).map(c -> {
            JsonObject config = c.config();
            List<RecoveryCode> codes = config.getJsonArray("recovery_codes").getValuesAs(JsonObject.class).stream()
                    .map(o -> new RecoveryCode(o.getString("hash"), o.containsKey("used_at") ? Instant.parse(o.getString("used_at")) : null))
                    .toList();
            return new RecoveryCodeSet(config.getString("salt"), codes, Instant.parse(config.getString("created_at")));
        });
    }

    static Credential toCredential(Identity identity, RecoveryCodeSet set, Instant now) {
        JsonArrayBuilder codes = JsonP.createArrayBuilder();
        for (RecoveryCode c : set.codes()) {
            JsonObjectBuilder o = JsonP.createObjectBuilder().add("hash", c.hash());
            c.usedTime().ifPresent(at -> o.add("used_at", at.toString()));
            codes.add(o);
        }
        JsonObject config = JsonP.createObjectBuilder().add("salt", set.salt()).add("created_at", set.createdAt().toString())
                .add("recovery_codes", codes).build();
        return new Credential(CredentialType.LOOKUP_SECRET, List.of(identity.id().toString()), config, 0, set.createdAt(), now);
    }
}
