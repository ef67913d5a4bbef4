package dev.gatehouse.session;

import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityId;
import dev.gatehouse.identity.IdentityRepository;
import dev.gatehouse.kernel.Ids;
import dev.gatehouse.kernel.RequestContext;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.secrets.TokenHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues, checks, extends and revokes sessions. A session token is {@code ory_st_} plus 256 random bits;
 * only its HMAC is stored, and look-ups go by that HMAC.
 */
@ApplicationScoped
public class SessionService {

    static final String TOKEN_PREFIX = "ory_st_";
    private static final String BY_ITS_IDENTITY = "revoked by its identity";

    @Inject
    SessionRepository sessions;
    @Inject
    IdentityRepository identities;
    @Inject
    TokenHasher hasher;
    @Inject
    SessionConfig config;
    @Inject
    SecurityEvents events;
    @Inject
    RequestContext request;
    @Inject
    Clock clock;

    /** A session together with its token, which exists only here and with the client. */
    public record Issued(Session session, String token) {
    }

    /** A valid session and its identity. */
    public record Authenticated(Session session, Identity identity) {
    }

    @Transactional
    public Issued issue(Identity identity, String method) {
        return issue(identity, method, null);
    }

    /** A new session signed in by {@code method}, whose code came {@code via} e-mail or SMS (null: no code). */
    @Transactional
    public Issued issue(Identity identity, String method, String via) {
        Instant now = clock.instant();
        String token = TOKEN_PREFIX + Ids.token();
        Session s = new Session(UUID.randomUUID(), identity.tenant(), identity.id(), true, "aal1",
                List.of(new AuthenticationMethod(method, "aal1", now, Optional.ofNullable(via))), now, now, now.plus(config.lifespan()),
                request.clientIp(), request.userAgent());
        sessions.insert(s, hasher.hash(token));
        return new Issued(s, token);
    }

    /**
     * Adds a second factor the holder of {@code session} just proved: the method joins the session's
     * authentication methods at {@code aal}, and the session's level rises to it. The token stays the same.
     */
    @Transactional
    public Session completeWith(Session session, String method, String aal) {
        return completeWith(session, method, aal, null);
    }

    /** As {@link #completeWith(Session, String, String)}, for a code that came {@code via} e-mail or SMS. */
    @Transactional
    public Session completeWith(Session session, String method, String aal, String via) {
        Session raised = session.completedWith(new AuthenticationMethod(method, aal, clock.instant(), Optional.ofNullable(via)));
        sessions.updateAssurance(raised);
        return raised;
    }

    /**
     * The session a token belongs to if it is active, unexpired and its identity may still sign in; extends
     * it when it is close enough to expiry (sliding refresh).
     */
    @Transactional
    public Optional<Authenticated> authenticate(TenantId tenant, String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Session> found = sessions.findByTokenHash(tenant, hasher.hash(token)).filter(s -> s.isValidAt(now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Session session = found.get();
        Optional<Identity> identity = identities.find(tenant, session.identity()).filter(Identity::isActive);
        if (identity.isEmpty()) {
            return Optional.empty();
        }
        if (session.expiresAt().minus(config.earliestPossibleExtend()).isBefore(now)) {
            Instant extended = now.plus(config.lifespan());
            sessions.extend(tenant, session.id(), extended);
            session = session.withExpiry(extended);
        }
        return Optional.of(new Authenticated(session, identity.get()));
    }

    @Transactional
    public boolean revokeByToken(TenantId tenant, String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX)) {
            return false;
        }
        return sessions.findByTokenHash(tenant, hasher.hash(token))
                .filter(Session::active)
                .map(s -> revoke(tenant, s.id(), s.identity().toString(), "logout"))
                .orElse(false);
    }

    @Transactional
    public boolean revoke(TenantId tenant, UUID id, String actor, String reason) {
        Optional<Session> s = sessions.find(tenant, id);
        boolean revoked = s.isPresent() && sessions.revoke(tenant, id);
        if (revoked) {
            events.fire(SecurityEvent.of(SecurityEventType.SESSION_REVOKED, Outcome.SUCCESS).tenant(tenant.value())
                    .actor(actor).subject(s.get().identity().toString()).detail("session_id", id).detail("reason", reason));
        }
        return revoked;
    }

    /**
     * Revokes another session of the caller's identity (Kratos' {@code DELETE /sessions/{id}}). The current
     * session is refused, logout ends that; a session of another identity is as unknown as a missing one.
     */
    @Transactional
    public void revokeOwn(Authenticated caller, String id) {
        TenantId tenant = caller.session().tenant();
        UUID sessionId = Ids.parseUuid(id).orElseThrow(SessionService::notFound);
        if (sessionId.equals(caller.session().id())) {
            throw new ApiException(ApiError.NOT_APPLICABLE, "Users can not revoke their own session. Use logout instead.");
        }
        sessions.find(tenant, sessionId).filter(s -> s.identity().equals(caller.identity().id()))
                .orElseThrow(SessionService::notFound);
        revoke(tenant, sessionId, caller.identity().id().toString(), BY_ITS_IDENTITY);
    }

    /** Revokes every session of the caller's identity but the current one (Kratos' {@code DELETE /sessions}). */
    @Transactional
    public int revokeOthers(Authenticated caller) {
        return revokeOthers(caller.session().tenant(), caller.identity().id(), caller.session().id(),
                caller.identity().id().toString(), BY_ITS_IDENTITY);
    }

    @Transactional
    public int revokeOthers(TenantId tenant, IdentityId identity, UUID keep, String actor, String reason) {
        int n = sessions.revokeAll(tenant, identity, keep);
        if (n > 0) {
            events.fire(SecurityEvent.of(SecurityEventType.SESSION_REVOKED, Outcome.SUCCESS).tenant(tenant.value())
                    .actor(actor).subject(identity.toString()).detail("session_count", n).detail("reason", reason));
        }
        return n;
    }

    /** The identity's sessions that pass the filter, last signed in first, leaving out {@code except} (may be null). */
    @Transactional
    public List<Session> ofIdentity(TenantId tenant, IdentityId identity, SessionFilter filter, UUID except,
                                    int offset, int limit) {
        return sessions.listByIdentity(tenant, identity, filter, except, offset, limit);
    }

    static ApiException notFound() {
        return ApiException.notFound("No session with this id");
    }

    /**
     * The token of a browser logout URL: an HMAC of the session id, so only a page that knows the session
     * (the user's own) can make it, and another site cannot log the user out.
     */
    public String logoutToken(Session session) {
        return hasher.hash("logout:" + session.id());
    }

    public boolean isLogoutToken(Session session, String token) {
        return token != null && hasher.matches("logout:" + session.id(), token);
    }

    /** Whether the session's last sign-in is recent enough for a sensitive change. */
    public boolean isPrivileged(Session session) {
        return session.authenticatedAt().plus(config.privilegedMaxAge()).isAfter(clock.instant());
    }
}
