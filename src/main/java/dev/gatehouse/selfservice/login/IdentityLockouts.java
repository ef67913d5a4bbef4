package dev.gatehouse.selfservice.login;

import dev.gatehouse.identity.Credential;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.platform.throttle.FailureCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One identity's sign-in locks, as Keycloak's brute-force detection shows them per user: the failure counts of its
 * login identifiers and of its second factors (kept under its id), read from the sign-in throttle's table. Clearing
 * them lets the person sign in again at once; the counts of addresses (shared by whoever signs in from there) and
 * of codes sent stay. Used by {@code /admin/identities/{id}/lockouts} and the console alike.
 */
@ApplicationScoped
public class IdentityLockouts {

    private FailureCounts counts;
    private SecurityEvents events;

    protected IdentityLockouts() {
        // for the container's proxy
    }

    @Inject
    public IdentityLockouts(FailureCounts counts, SecurityEvents events) {
        this.counts = counts;
        this.events = events;
    }

    /** What was counted against the identity, one entry per identifier (and one for its second factors). */
    @Transactional
    public List<LoginThrottle.Lock> of(Identity identity) {
        List<LoginThrottle.Lock> out = new ArrayList<>();
        for (Counted c : subjects(identity)) {
            counts.standing(identity.tenant(), c.kind().name(), c.subject()).ifPresent(s -> out.add(new LoginThrottle.Lock(c.kind(),
                    FailureCounts.key(c.subject()), s.failures(), s.lockedUntil().orElse(null), s.lockouts())));
        }
        return out;
    }

    /**
     * Clears them (nothing to clear is no error, as clearing is what was asked) and fires {@code ADMIN_CHANGE} with
     * the actor, as {@code DELETE /admin/lockouts} does for one subject.
     */
    @Transactional
    public void clear(Identity identity, String actor) {
        int cleared = 0;
        for (Counted c : subjects(identity)) {
            if (counts.standing(identity.tenant(), c.kind().name(), c.subject()).isPresent()) {
                counts.clear(identity.tenant(), c.kind().name(), c.subject());
                cleared++;
            }
        }
        events.fire(SecurityEvent.of(SecurityEventType.ADMIN_CHANGE, Outcome.SUCCESS).tenant(identity.tenant().value())
                .actor(actor).subject(identity.id().toString()).detail("action", "lockout cleared").detail("cleared", cleared));
    }

    private record Counted(LoginThrottle.Subject kind, String subject) {
    }

    private static Set<Counted> subjects(Identity identity) {
        Set<Counted> out = new LinkedHashSet<>();
        for (Credential c : identity.credentials().values()) {
            c.identifiers().forEach(i -> out.add(new Counted(LoginThrottle.Subject.IDENTIFIER, i)));
        }
        out.add(new Counted(LoginThrottle.Subject.SECOND_FACTOR, identity.id().toString()));
        return out;
    }
}
