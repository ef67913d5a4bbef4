package dev.gatehouse.selfservice.strategy.password;

import dev.gatehouse.credential.password.PasswordConfigs;
import dev.gatehouse.credential.password.PasswordHasher;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.kernel.RequestContext;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.selfservice.Completion;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.FlowState;
import dev.gatehouse.selfservice.SelfServiceFixtures;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.login.LoginMethod;
import dev.gatehouse.selfservice.login.LoginThrottle;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordLoginTest {

    private static final PasswordHasher HASHER = new PasswordHasher(PasswordConfigs.fast());
    private static final String EMAIL = "alice@example.com";

    private final SelfServiceFixtures f = new SelfServiceFixtures();
    private final Identity alice = SelfServiceFixtures.identity(EMAIL, HASHER.hash("correct horse battery"));
    private final Identities identities = new Identities(alice);
    private final Throttle throttle = new Throttle();
    private final PasswordLogin method = method(f);

    /** Identities by identifier, and the rehashes stored. */
    private static final class Identities extends IdentityService {
        final Map<String, Identity> byIdentifier = new HashMap<>();
        final List<String> rehashed = new ArrayList<>();
        int lookups;

        Identities(Identity... known) {
            super(new dev.gatehouse.identity.PhoneRegion("DE"));
            for (Identity i : known) {
                byIdentifier.put(i.traits().getString("email"), i);
            }
        }

        @Override
        public Optional<Identity> findByIdentifier(TenantId tenant, String identifier) {
            lookups++;
            return Optional.ofNullable(byIdentifier.get(identifier));
        }

        @Override
        public void replacePasswordHash(Identity identity, String phc) {
            rehashed.add(phc);
        }
    }

    /** The throttle's calls, and a lock to set. */
    private static final class Throttle extends LoginThrottle {
        final List<String> calls = new ArrayList<>();
        boolean locked;

        @Override
        public boolean isLocked(TenantId tenant, String identifier, String ip) {
            return locked;
        }

        @Override
        public void failed(TenantId tenant, String identifier, String ip) {
            calls.add("failed " + identifier + " " + ip);
        }

        @Override
        public void succeeded(TenantId tenant, String identifier) {
            calls.add("succeeded " + identifier);
        }
    }

    private PasswordLogin method(SelfServiceFixtures fixtures) {
        RequestContext request = new RequestContext();
        request.begin("req-1", "203.0.113.9", "test");
        return new PasswordLogin(identities, HASHER, throttle, fixtures.events, request, fixtures.config, fixtures.transactions);
    }

    private static Flow flow() {
        Ui ui = new Ui(SelfServiceFixtures.BASE + "/self-service/login?flow=x", "POST",
                List.of(UiNode.input("default", "identifier", "text", Json.createValue(""), true, "username", Texts.idLabel())), List.of());
        return new Flow(UUID.randomUUID(), SelfServiceFixtures.TENANT, FlowKind.LOGIN, Flavor.API, FlowState.CHOOSE_METHOD,
                SelfServiceFixtures.BASE, null, null, null, null, false, ui, Instant0.AT, Instant0.AT.plusSeconds(600));
    }

    private static final class Instant0 {
        static final java.time.Instant AT = java.time.Instant.parse("2026-01-01T00:00:00Z");
    }

    private LoginMethod.Result submit(String identifier, String password) {
        Flow flow = flow();
        Ui ui = flow.ui().mapNode("identifier", n -> n.withValue(Json.createValue(identifier)));
        String body = password == null ? "{}" : "{\"password\":\"" + password + "\"}";
        Completion<LoginMethod.Result> completion = method.submit(flow,
                Submission.parse("application/json", new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))), ui);
        return completion.complete();
    }

    @Test
    void submitWhenRightPasswordThenAuthenticatedAndIdentifierCountCleared() {
        LoginMethod.Authenticated ok = assertInstanceOf(LoginMethod.Authenticated.class, submit(EMAIL, "correct horse battery"));

        assertEquals(alice, ok.identity());
        assertEquals("password", ok.sessionMethod());
        assertEquals(List.of("succeeded " + EMAIL), throttle.calls);
        assertEquals(List.of(), f.events.types());
    }

    @Test
    void submitWhenPhoneNumberInOtherSpellingsThenEveryFailureCountsForTheOneNumber() {
        submit("+49 30 1234567", "wrong horse");
        submit("0049301234567", "wrong horse");

        assertEquals(List.of("failed +49301234567 203.0.113.9", "failed +49301234567 203.0.113.9"), throttle.calls);
    }

    @Test
    void submitWhenWrongPasswordThenInvalidCredentialsAndFailureCountedWithAddress() {
        LoginMethod.Answered refused = assertInstanceOf(LoginMethod.Answered.class, submit(EMAIL, "wrong horse"));

        assertEquals(false, refused.accepted());
        assertEquals(Texts.invalidCredentials().id(), refused.flow().ui().messages().get(0).id());
        assertEquals(List.of("failed " + EMAIL + " 203.0.113.9"), throttle.calls);
        assertEquals(List.of(SecurityEventType.LOGIN_FAILED, SecurityEventType.CREDENTIAL_FAILED), f.events.types());
        assertEquals("password", f.events.fired.get(1).details().get("method"));
        assertEquals("invalid credentials", f.events.fired.get(0).details().get("reason"));
    }

    @Test
    void submitWhenUnknownIdentifierThenSameAnswerAsWrongPassword() {
        LoginMethod.Answered unknown = assertInstanceOf(LoginMethod.Answered.class, submit("bob@example.com", "wrong horse"));
        LoginMethod.Answered wrong = assertInstanceOf(LoginMethod.Answered.class, submit(EMAIL, "wrong horse"));

        assertEquals(wrong.flow().ui().messages(), unknown.flow().ui().messages());
    }

    @Test
    void submitWhenLockedThenRefusedAsWrongPasswordWithoutLookingUp() {
        throttle.locked = true;

        LoginMethod.Answered refused = assertInstanceOf(LoginMethod.Answered.class, submit(EMAIL, "correct horse battery"));

        assertEquals(Texts.invalidCredentials().id(), refused.flow().ui().messages().get(0).id());
        assertEquals(0, identities.lookups);
        assertEquals("locked", f.events.fired.get(0).details().get("reason"));
    }

    @Test
    void submitWhenPasswordMissingThenRequiredOnTheFieldAndNothingCounted() {
        LoginMethod.Answered refused = assertInstanceOf(LoginMethod.Answered.class, submit("", null));

        assertTrue(refused.flow().ui().nodes().stream().anyMatch(n -> n.name().equals("identifier") && !n.messages().isEmpty()));
        assertEquals(List.of(), throttle.calls);
        assertEquals(0, identities.lookups);
    }

    @Test
    void submitWhenHashOfOlderParametersThenRehashStoredOnlyInCompletion() {
        Identity old = SelfServiceFixtures.identity("old@example.com",
                new PasswordHasher(PasswordConfigs.fast("argon2.iterations", "2")).hash("correct horse battery"));
        identities.byIdentifier.put("old@example.com", old);
        Flow flow = flow();
        Ui ui = flow.ui().mapNode("identifier", n -> n.withValue(Json.createValue("old@example.com")));
        Completion<LoginMethod.Result> completion = method.submit(flow, Submission.parse("application/json",
                new ByteArrayInputStream("{\"password\":\"correct horse battery\"}".getBytes(StandardCharsets.UTF_8))), ui);

        assertEquals(List.of(), identities.rehashed);
        completion.complete();
        assertEquals(1, identities.rehashed.size());
        assertEquals(List.of(SecurityEventType.PASSWORD_REHASHED), f.events.types());
    }
}
