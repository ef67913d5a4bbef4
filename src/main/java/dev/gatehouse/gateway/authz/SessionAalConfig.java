package dev.gatehouse.gateway.authz;

import dev.gatehouse.gateway.HandlerConfigs;
import jakarta.json.JsonObject;

import java.util.List;

/** {@code session_aal}'s config: the {@code required_aal}, {@code aal1} or {@code aal2} (no default: a rule says which). */
record SessionAalConfig(String requiredAal) {

    private static final List<String> LEVELS = List.of("aal1", "aal2");

    static SessionAalConfig parse(JsonObject config) {
        String required = HandlerConfigs.string(config, "required_aal")
                .orElseThrow(() -> new IllegalArgumentException("required_aal must be given: aal1 or aal2"));
        if (!LEVELS.contains(required)) {
            throw new IllegalArgumentException("required_aal must be aal1 or aal2");
        }
        return new SessionAalConfig(required);
    }

    /** Whether a session at {@code held} is at the required level or above; an unknown level is below every one. */
    boolean satisfiedBy(String held) {
        return LEVELS.contains(held) && LEVELS.indexOf(held) >= LEVELS.indexOf(requiredAal);
    }
}
