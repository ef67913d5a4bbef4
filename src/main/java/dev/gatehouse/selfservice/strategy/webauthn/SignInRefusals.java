package dev.gatehouse.selfservice.strategy.webauthn;

import dev.gatehouse.credential.webauthn.WebAuthnError;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.kernel.event.CredentialEvents;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.tenant.TenantId;

import java.util.Locale;

/**
 * A sign-in by a key or passkey as a first factor that was refused, told as every method tells it: a
 * {@code login_failed} event and a {@code credential_failed} one, both naming the method and the check that failed
 * ({@code reason}: the {@link WebAuthnError} in lower case, or {@code identity inactive}).
 */
public final class SignInRefusals {

    private final SecurityEvents events;
    private final CredentialEvents credentials;

    public SignInRefusals(SecurityEvents events) {
        this.events = events;
        this.credentials = new CredentialEvents(events);
    }

    /**
     * @param who    the identity the answer was for, null when none was found
     * @param reason the check that failed; null when the identity is not active
     */
    public void refused(TenantId tenant, Identity who, String method, WebAuthnError reason) {
        String subject = who == null ? null : who.id().toString();
        String why = reason == null ? "identity inactive" : reason.name().toLowerCase(Locale.ROOT);
        events.fire(SecurityEvent.of(SecurityEventType.LOGIN_FAILED, Outcome.FAILURE).tenant(tenant.value())
                .subject(subject).detail("method", method).detail("reason", why));
        credentials.failed(tenant.value(), subject, method, why);
    }
}
