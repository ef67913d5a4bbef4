package dev.gatehouse.oauth2.client;

import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.throttle.FailureCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Brute-force protection for client authentication, as password sign-in has it: failures are counted per client id
 * and per client address in the database (every node sees them), and past the limit within the window the id or the
 * address is locked for a time that doubles with each lock. A locked request is refused before its credentials are
 * looked at, so even the right secret does not pass.
 * <p>
 * Only a client that holds a secret is counted under its id: nobody can guess a signature or the absence of a
 * credential, and since client ids are public (they are in every authorization URL), counting every client would let
 * anyone lock out a public or {@code private_key_jwt} client. Every failure counts against the address.
 * <p>
 * Each method is one short transaction of its own; the caller checks the secret between them, holding none.
 */
@ApplicationScoped
public class ClientAuthThrottle {

    /** Subject kinds in the shared failure table (the admin API's lockouts list shows them in lower case). */
    static final String CLIENT = "CLIENT_ID";
    static final String ADDRESS = "CLIENT_IP";

    /** Before authenticating: the end of the lock, if the client id or the address is locked; whether the id has failures on record. */
    public record Standing(Optional<Instant> lockedUntil, boolean clientFailed) {

        static final Standing NONE = new Standing(Optional.empty(), false);
    }

    @Inject
    FailureCounts counts;
    @Inject
    ClientAuthThrottleConfig config;
    @Inject
    ClientDirectory clients;
    @Inject
    CurrentTenant tenant;
    @Inject
    SecurityEvents events;
    @Inject
    Clock clock;

    /**
     * Where a request naming {@code clientId} (null if it names none readable) from {@code address} stands; a locked
     * one is recorded as a refused client authentication.
     */
    @Transactional
    public Standing check(String clientId, String address) {
        if (!config.enabled()) {
            return Standing.NONE;
        }
        Instant now = clock.instant();
        TenantId t = tenant.id();
        Optional<FailureCounts.Standing> client = clientId == null ? Optional.empty() : counts.standing(t, CLIENT, clientId);
        Optional<FailureCounts.Standing> from = address == null ? Optional.empty() : counts.standing(t, ADDRESS, address);
        Optional<Instant> until = Stream.of(client, from).flatMap(Optional::stream).filter(s -> s.lockedAt(now))
                .map(s -> s.lockedUntil().orElseThrow()).max(Instant::compareTo);
        until.ifPresent(u -> events.fire(SecurityEvent.of(SecurityEventType.OAUTH2_CLIENT_AUTHENTICATION_FAILED, Outcome.DENIED)
                .tenant(t.value()).client(bounded(clientId)).detail("reason", "locked").detail("locked_until", u)));
        return new Standing(until, client.isPresent());
    }

    /** Counts a failed client authentication against the address, and against the id if that client holds a secret. */
    @Transactional
    public void failed(String clientId, String address) {
        if (!config.enabled()) {
            return;
        }
        Instant now = clock.instant();
        TenantId t = tenant.id();
        boolean holdsSecret = clientId != null && clients.registered(clientId).map(RegisteredClient::client)
                .map(c -> c.tokenEndpointAuthMethod() == TokenEndpointAuthMethod.CLIENT_SECRET_BASIC
                        || c.tokenEndpointAuthMethod() == TokenEndpointAuthMethod.CLIENT_SECRET_POST).orElse(false);
        if (holdsSecret) {
            counts.count(t, CLIENT, clientId, config.perClient(), now).ifPresent(until -> locked(t, CLIENT, clientId, until));
        }
        if (address != null) {
            counts.count(t, ADDRESS, address, config.perAddress(), now).ifPresent(until -> locked(t, ADDRESS, address, until));
        }
    }

    /** A client that authenticated starts with a clean record (its address does not: one's own client must not reset it). */
    @Transactional
    public void succeeded(String clientId) {
        counts.clear(tenant.id(), CLIENT, clientId);
    }

    private void locked(TenantId t, String kind, String subject, Instant until) {
        SecurityEvent.Builder e = SecurityEvent.of(SecurityEventType.OAUTH2_CLIENT_LOCKOUT, Outcome.DENIED).tenant(t.value())
                .detail("kind", kind.toLowerCase(java.util.Locale.ROOT)).detail("locked_until", until);
        events.fire(kind.equals(CLIENT) ? e.client(bounded(subject)) : e.detail("address", subject));
    }

    private static String bounded(String clientId) {
        return clientId == null || clientId.length() <= 255 ? clientId : clientId.substring(0, 255);
    }
}
