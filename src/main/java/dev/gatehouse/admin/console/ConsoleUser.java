package dev.gatehouse.admin.console;

import java.io.Serializable;
import java.util.Objects;

/**
 * Who is signed in to the console of one tenant: the identity ({@code sub} of the ID token), its tenant, its role
 * and a name to show. Kept in the HTTP session; the actor of every change made through the console.
 */
public record ConsoleUser(String subject, String tenant, ConsoleRole role, String displayName) implements Serializable {

    public ConsoleUser {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(role, "role");
        displayName = displayName == null ? subject : displayName;
    }

    /**
     * How security events name this user as actor: its identity id, so the audit log sees a person act (actor type
     * {@code identity}) where the admin API key or an admin client would be named otherwise.
     */
    public String actor() {
        return subject;
    }
}
