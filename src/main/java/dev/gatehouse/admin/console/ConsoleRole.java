package dev.gatehouse.admin.console;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Locale;
import java.util.Optional;

/**
 * What a console user may do, read from the identity's {@code metadata_admin.console_role} (which only the admin API
 * can write, so nobody grants it to themselves): {@code admin} everything, {@code helpdesk} the pages about people
 * (identities, their sessions, lockouts and recovery), {@code auditor} every page it may read, changing nothing.
 */
public enum ConsoleRole {
    ADMIN, HELPDESK, AUDITOR;

    /** The metadata key that holds the role. */
    public static final String METADATA_KEY = "console_role";

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this role may change things (any POST), as opposed to only reading. */
    public boolean mayChange() {
        return this != AUDITOR;
    }

    /** The role in an identity's admin metadata; empty when it holds none or one that is not known. */
    public static Optional<ConsoleRole> of(JsonValue metadataAdmin) {
        if (!(metadataAdmin instanceof JsonObject o) || !(o.get(METADATA_KEY) instanceof JsonString s)) {
            return Optional.empty();
        }
        for (ConsoleRole r : values()) {
            if (r.wire().equals(s.getString().trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
