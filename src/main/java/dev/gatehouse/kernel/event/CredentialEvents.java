package dev.gatehouse.kernel.event;

import java.util.Objects;

/**
 * The security events of a sign-in method's credentials, one type per action so a reader tells them apart without
 * parsing details: {@link SecurityEventType#CREDENTIAL_ENROLLED} (set up), {@link SecurityEventType#CREDENTIAL_REMOVED},
 * {@link SecurityEventType#CREDENTIAL_USED} (it proved who someone is) and {@link SecurityEventType#CREDENTIAL_FAILED}
 * (it did not). Every event names the method ({@code password}, {@code code}, {@code totp}, {@code lookup_secret},
 * {@code webauthn}, {@code passkey}, ...) in the detail {@code method}; methods call this, never build the events
 * themselves. Successes reach the log only once the caller's transaction commits (see {@link SecurityEventLog}).
 */
public final class CredentialEvents {

    private final SecurityEvents events;

    /** The credential events of a method, fired through its {@code events}. */
    public CredentialEvents(SecurityEvents events) {
        this.events = Objects.requireNonNull(events);
    }

    /** {@code actor} set up {@code method} for {@code identity}. */
    public void enrolled(String tenant, String identity, String actor, String method) {
        events.fire(SecurityEvent.of(SecurityEventType.CREDENTIAL_ENROLLED, Outcome.SUCCESS).tenant(tenant).actor(actor)
                .subject(identity).detail("method", method));
    }

    /** {@code actor} (the identity itself or an administrator) removed {@code identity}'s {@code method}. */
    public void removed(String tenant, String identity, String actor, String method) {
        events.fire(SecurityEvent.of(SecurityEventType.CREDENTIAL_REMOVED, Outcome.SUCCESS).tenant(tenant).actor(actor)
                .subject(identity).detail("method", method).detail("type", method));
    }

    /** {@code method} proved {@code identity}; the session it signed in or raised is now at {@code aal}. */
    public void used(String tenant, String identity, String method, String aal) {
        events.fire(SecurityEvent.of(SecurityEventType.CREDENTIAL_USED, Outcome.SUCCESS).tenant(tenant).actor(identity)
                .subject(identity).detail("method", method).detail("aal", aal));
    }

    /**
     * {@code method} was refused for {@code reason} (a stable word: {@code wrong_code}, {@code replayed},
     * {@code locked}, ...); {@code identity} is null when nobody is known.
     */
    public void failed(String tenant, String identity, String method, String reason) {
        events.fire(SecurityEvent.of(SecurityEventType.CREDENTIAL_FAILED, Outcome.FAILURE).tenant(tenant).subject(identity)
                .detail("method", method).detail("reason", reason));
    }
}
