package dev.gatehouse.selfservice;

import dev.gatehouse.identity.Credential;
import dev.gatehouse.identity.CredentialType;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityId;
import dev.gatehouse.identity.IdentityState;
import dev.gatehouse.identity.RecoveryAddress;
import dev.gatehouse.identity.VerifiableAddress;
import dev.gatehouse.kernel.MovableClock;
import dev.gatehouse.kernel.config.ShippedConfig;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.db.Transactions;
import dev.gatehouse.session.AuthenticationMethod;
import dev.gatehouse.session.Session;
import dev.gatehouse.session.SessionService;
import jakarta.json.Json;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the self-service rule tests share: configuration, a clock, stored flows, recorded events and sessions. */
public final class SelfServiceFixtures {

    public static final TenantId TENANT = TenantId.DEFAULT;
    public static final String BASE = "https://id.example";

    public final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
    public final InMemoryFlowRepository repository = new InMemoryFlowRepository();
    public final FlowService flows = new FlowService(repository, clock);
    public final RecordingEvents events = new RecordingEvents();
    public final RecordingSessions sessions = new RecordingSessions(clock);
    public final Transactions transactions = new Transactions();
    public final SelfServiceConfig config;
    public final LoginStyle style;

    public SelfServiceFixtures(String... overrides) {
        this.config = new SelfServiceConfig(ShippedConfig.with(overrides));
        this.style = LoginStyle.fixed(new LoginStyleConfig(ShippedConfig.with(overrides)));
    }

    /** Security events as fired, in order. */
    public static final class RecordingEvents extends SecurityEvents {
        public final List<SecurityEvent> fired = new ArrayList<>();

        @Override
        public void fire(SecurityEvent.Builder builder) {
            fired.add(builder.build());
        }

        public List<SecurityEventType> types() {
            return fired.stream().map(SecurityEvent::type).toList();
        }
    }

    /** Sessions as issued: who, by which method; a token issued here authenticates its session, as raised last. */
    public static final class RecordingSessions extends SessionService {
        public final List<String> issued = new ArrayList<>();
        /** How the codes that signed in or raised a session came ({@code email}, {@code sms}), in order. */
        public final List<String> vias = new ArrayList<>();
        public final Map<String, Authenticated> byToken = new java.util.HashMap<>();
        public boolean privileged = true;
        private final MovableClock clock;

        @Override
        public boolean isPrivileged(Session session) {
            return privileged;
        }

        RecordingSessions(MovableClock clock) {
            this.clock = clock;
        }

        @Override
        public Issued issue(Identity identity, String method) {
            issued.add(identity.id().value() + " " + method);
            Instant now = clock.instant();
            Session s = new Session(UUID.randomUUID(), identity.tenant(), identity.id(), true, "aal1",
                    List.of(new AuthenticationMethod(method, "aal1", now)), now, now, now.plusSeconds(3600), null, null);
            String token = "ory_st_test" + (byToken.isEmpty() ? "" : "_" + byToken.size());
            byToken.put(token, new Authenticated(s, identity));
            return new Issued(s, token);
        }

        @Override
        public Issued issue(Identity identity, String method, String via) {
            vias.add(via);
            return issue(identity, method);
        }

        @Override
        public Session completeWith(Session session, String method, String aal, String via) {
            vias.add(via);
            return completeWith(session, method, aal);
        }

        @Override
        public java.util.Optional<Authenticated> authenticate(TenantId tenant, String token) {
            return java.util.Optional.ofNullable(byToken.get(token));
        }

        @Override
        public Session completeWith(Session session, String method, String aal) {
            Session raised = session.completedWith(new AuthenticationMethod(method, aal, clock.instant()));
            byToken.replaceAll((t, a) -> a.session().id().equals(session.id()) ? new Authenticated(raised, a.identity()) : a);
            issued.add(session.identity().value() + " raised by " + method);
            return raised;
        }

        @Override
        public int revokeOthers(TenantId tenant, IdentityId identity, UUID keep, String actor, String reason) {
            issued.add("revoked others of " + identity.value());
            return 0;
        }
    }

    /** An active identity signing in with {@code identifier}, whose password hash is {@code phc} (none if null). */
    public static Identity identity(String identifier, String phc) {
        Map<CredentialType, Credential> credentials = new EnumMap<>(CredentialType.class);
        Instant at = Instant.parse("2025-01-01T00:00:00Z");
        if (phc != null) {
            credentials.put(CredentialType.PASSWORD, new Credential(CredentialType.PASSWORD, List.of(identifier),
                    Json.createObjectBuilder().add("hashed_password", phc).build(), 0, at, at));
        }
        return new Identity(IdentityId.random(), TENANT, "default", IdentityState.ACTIVE, at,
                Json.createObjectBuilder().add("email", identifier).build(), JsonValue.NULL, JsonValue.NULL, List.of(), List.of(),
                credentials, at, at, 1);
    }

    /** As {@link #identity}, with {@code identifier} also an unverified e-mail address to verify and to recover by. */
    public static Identity withAddress(String identifier) {
        Identity i = identity(identifier, null);
        Instant at = i.createdAt();
        return new Identity(i.id(), i.tenant(), i.schemaId(), i.state(), i.stateChangedAt(), i.traits(), i.metadataPublic(),
                i.metadataAdmin(), List.of(new VerifiableAddress(UUID.randomUUID(), "email", identifier, false,
                VerifiableAddress.Status.PENDING, null, at, at)), List.of(new RecoveryAddress(UUID.randomUUID(), "email", identifier, at, at)),
                i.credentials(), at, at, 1);
    }
}
