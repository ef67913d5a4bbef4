package dev.gatehouse.oauth2.authorize;

import dev.gatehouse.kernel.Ids;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.oauth2.client.ClientLookup;
import dev.gatehouse.oauth2.client.OAuth2Client;
import dev.gatehouse.oauth2.consent.ConsentSessionRepository;
import dev.gatehouse.oauth2.port.IdentitySessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Ends login sessions by subject or by {@code sid} (Hydra's {@code DELETE /admin/oauth2/auth/sessions/login}), with
 * the identity sessions behind them; returns, per ended session, the clients to tell by back-channel logout.
 */
@ApplicationScoped
public class LoginSessionRevocation {

    /** An ended login session and the clients that were used in it and want back-channel logout. */
    public record Ended(LoginSession session, List<OAuth2Client> backchannel) {
    }

    @Inject
    LoginSessionRepository sessions;
    @Inject
    ConsentSessionRepository consents;
    @Inject
    ClientLookup clients;
    @Inject
    IdentitySessions identitySessions;
    @Inject
    SecurityEvents events;
    @Inject
    CurrentTenant tenant;

    @Transactional
    public List<Ended> bySubject(String subject, String actor) {
        return sessions.revokeBySubject(tenant.id(), subject).stream().map(s -> ended(s, actor)).toList();
    }

    @Transactional
    public List<Ended> bySid(String sid, String actor) {
        Optional<UUID> id = Ids.parseUuid(sid);
        Optional<LoginSession> found = id.flatMap(i -> sessions.find(tenant.id(), i)).filter(LoginSession::active);
        found.ifPresent(s -> sessions.revoke(tenant.id(), s.id()));
        return found.map(s -> List.of(ended(s, actor))).orElse(List.of());
    }

    private Ended ended(LoginSession s, String actor) {
        s.identitySessionId().flatMap(Ids::parseUuid)
                .ifPresent(id -> identitySessions.revoke(tenant.id(), id, actor, "oauth2 login session revoked"));
        events.fire(SecurityEvent.of(SecurityEventType.OAUTH2_LOGIN_SESSION_REVOKED, Outcome.SUCCESS).actor(actor)
                .subject(s.subject()).detail("sid", s.id()));
        return new Ended(s, consents.clientsOfLoginSession(tenant.id(), s.id().toString()).stream()
                .map(clients::find).flatMap(Optional::stream).filter(c -> c.backchannelLogoutUri().isPresent()).toList());
    }
}
