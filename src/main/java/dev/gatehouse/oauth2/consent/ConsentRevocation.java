package dev.gatehouse.oauth2.consent;

import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.oauth2.token.TokenRevocation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

/** Lists and revokes a subject's consents; revoking one revokes the tokens issued under it too. */
@ApplicationScoped
public class ConsentRevocation {

    @Inject
    ConsentSessionRepository consents;
    @Inject
    TokenRevocation tokens;
    @Inject
    SecurityEvents events;
    @Inject
    CurrentTenant tenant;

    @Transactional
    public List<ConsentSession> list(String subject) {
        return consents.active(tenant.id(), subject, Optional.empty());
    }

    /** Revokes the subject's consents for one client or all, and their tokens. */
    @Transactional
    public void revoke(String subject, Optional<String> clientId, String actor) {
        int n = consents.revoke(tenant.id(), subject, clientId);
        int revokedTokens = tokens.revokeForSubject(subject, clientId);
        events.fire(SecurityEvent.of(SecurityEventType.OAUTH2_CONSENT_REVOKED, Outcome.SUCCESS).actor(actor)
                .subject(subject).client(clientId.orElse(null)).detail("consents", n).detail("tokens", revokedTokens));
    }
}
