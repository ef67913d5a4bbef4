package dev.gatehouse.oauth2.consent;

import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Records consents and answers whether a remembered one covers a new request. */
@ApplicationScoped
public class ConsentSessions {

    @Inject
    ConsentSessionRepository repository;
    @Inject
    Clock clock;

    public void record(ConsentSession session) {
        repository.insert(session);
    }

    /** Whether the subject has a remembered, unexpired consent for the client covering the scopes and audiences. */
    public boolean remembered(TenantId tenant, String subject, String clientId, List<String> scope, List<String> audience) {
        return repository.active(tenant, subject, Optional.of(clientId)).stream()
                .anyMatch(c -> c.covers(scope, audience, clock.instant()));
    }
}
