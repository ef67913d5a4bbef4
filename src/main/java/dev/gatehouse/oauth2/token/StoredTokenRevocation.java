package dev.gatehouse.oauth2.token;

import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Optional;

/** {@link TokenRevocation} over the token store: every grant of the subject goes, with all its tokens. */
@ApplicationScoped
public class StoredTokenRevocation implements TokenRevocation {

    @Inject
    TokenStore store;
    @Inject
    CurrentTenant tenant;
    @Inject
    SecurityEvents events;
    @Inject
    Clock clock;

    @Override
    @Transactional
    public int revokeForSubject(String subject, Optional<String> clientId) {
        int revoked = store.revokeForSubject(tenant.id(), subject, clientId, clock.instant());
        if (revoked > 0) {
            events.fire(SecurityEvent.of(SecurityEventType.OAUTH2_TOKEN_REVOKED, Outcome.SUCCESS)
                    .tenant(tenant.id().value()).subject(subject).client(clientId.orElse(null))
                    .detail("token_count", revoked).detail("reason", "subject"));
        }
        return revoked;
    }
}
