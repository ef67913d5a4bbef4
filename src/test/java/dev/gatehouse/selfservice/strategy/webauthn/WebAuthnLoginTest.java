package dev.gatehouse.selfservice.strategy.webauthn;

import com.webauthn4j.data.client.ClientDataType;
import dev.gatehouse.credential.webauthn.Challenge;
import dev.gatehouse.credential.webauthn.RegistrationVerifier;
import dev.gatehouse.credential.webauthn.SoftwareAuthenticator;
import dev.gatehouse.credential.webauthn.UserVerification;
import dev.gatehouse.credential.webauthn.WebAuthnCredential;
import dev.gatehouse.identity.CredentialType;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.kernel.config.MapConfig;
import dev.gatehouse.kernel.config.ShippedConfig;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.SelfServiceFixtures;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.login.EnrolledSecondFactors;
import dev.gatehouse.selfservice.login.LoginHandler;
import dev.gatehouse.selfservice.login.SecondFactorGuard;
import dev.gatehouse.selfservice.strategy.SecondFactorFixtures;
import dev.gatehouse.session.SessionService;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebAuthnLoginTest {

    private static final String ORIGIN = SelfServiceFixtures.BASE;
    private static final WebAuthnConfig CONFIG = config();

    private final SoftwareAuthenticator key = new SoftwareAuthenticator();
    private final SelfServiceFixtures f = new SelfServiceFixtures();
    private final SecondFactorFixtures.OneIdentity identities = new SecondFactorFixtures.OneIdentity(
            SelfServiceFixtures.identity("alice@example.com", null));
    private final SecondFactorFixtures.Throttle throttle = new SecondFactorFixtures.Throttle();
    private final WebAuthnLogin method = new WebAuthnLogin(identities, new SecondFactorGuard(identities, throttle, f.events, f.transactions),
            new RelyingParties(CONFIG), f.clock);
    private final LoginHandler handler = new LoginHandler(f.flows, List.of(method), f.sessions, f.events, f.config, f.style, f.transactions, f.clock);

    private static WebAuthnConfig config() {
        Map<String, String> values = new HashMap<>(ShippedConfig.values("gatehouse."));
        values.put("gatehouse.public.base-url", ORIGIN);
        return new WebAuthnConfig(new MapConfig(values));
    }

    /** Alice with this test's key, registered as settings would. */
    private void enrolKey() {
        enrolKey(false);
    }

    private void enrolKey(boolean passwordless) {
        Challenge challenge = Challenge.generate(new SecureRandom());
        WebAuthnCredential made = new RegistrationVerifier(CONFIG.relyingParty(), CONFIG.attestationPolicy())
                .verify(key.register("id.example", ORIGIN, challenge, SoftwareAuthenticator.UP), challenge, UserVerification.PREFERRED,
                        "Desk key", f.clock.instant());
        Identity alice = identities.stored;
        identities.storeCredential(alice, CredentialType.WEBAUTHN, new WebAuthnKeys(WebAuthnKeys.identityHandle(alice), List.of())
                .with(made, passwordless).toCredential(CredentialType.WEBAUTHN, List.of(alice.id().toString()), alice, f.clock.instant()));
    }

    private SessionService.Issued signedIn() {
        return f.sessions.issue(identities.stored, "password");
    }

    private Flow raising(SessionService.Issued session) {
        return handler.createRaising(f.sessions.byToken.get(session.token()), Flavor.API, null,
                SelfServiceFixtures.BASE + "/self-service/login/api?aal=aal2", SelfServiceFixtures.BASE, null, null);
    }

    private static Challenge challengeOf(Flow flow) {
        return Ceremonies.challenge(flow.ui(), WebAuthnLogin.TRIGGER).orElseThrow();
    }

    private LoginHandler.Result submit(Flow flow, SessionService.Issued session, String answer) {
        String body = Json.createObjectBuilder().add("method", "webauthn").add("webauthn_login", answer).build().toString();
        return handler.submit(flow, Submission.parse("application/json", new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))),
                Optional.of(session.token()));
    }

    @Test
    void secondFactorNodesWhenKeyThenTriggerWithAllowedKeyElseNone() {
        assertEquals(List.of(), method.secondFactorNodes(identities.stored));
        assertFalse(new EnrolledSecondFactors(List.of(method)).available(identities.stored));

        enrolKey();

        List<UiNode> nodes = method.secondFactorNodes(identities.stored);
        assertEquals(List.of("webauthn_login_trigger", "webauthn_login"), nodes.stream().map(UiNode::name).toList());
        assertEquals(1, Ceremonies.options(new dev.gatehouse.selfservice.Ui("a", "POST", nodes, List.of()), WebAuthnLogin.TRIGGER)
                .orElseThrow().getJsonArray("allowCredentials").size());
        assertTrue(new EnrolledSecondFactors(List.of(method)).available(identities.stored));
    }

    @Test
    void secondFactorWhenOnlyPasswordlessKeyThenNotEnrolledAndItsAnswerRefused() {
        enrolKey(true);
        SessionService.Issued session = signedIn();
        Flow flow = raising(session);

        assertEquals(List.of(), method.secondFactorNodes(identities.stored));
        assertFalse(new EnrolledSecondFactors(List.of(method)).available(identities.stored));
        Challenge forged = Challenge.generate(new SecureRandom());
        flow = flow.showing(flow.ui().withGroup("webauthn", List.of(Ceremonies.trigger("webauthn", WebAuthnLogin.TRIGGER,
                Json.createObjectBuilder().add("publicKey", Json.createObjectBuilder().add("challenge", forged.base64url())).build().toString(),
                null))));
        assertInstanceOf(LoginHandler.Failed.class,
                submit(flow, session, key.authenticate("id.example", ORIGIN, forged, SoftwareAuthenticator.UP, null)));
    }

    @Test
    void secondFactorWhenPasswordFreeModeThenNoKeyOffered() {
        enrolKey();
        Map<String, String> values = new HashMap<>(ShippedConfig.values("gatehouse."));
        values.put("gatehouse.public.base-url", ORIGIN);
        values.put("gatehouse.webauthn.passwordless", "true");
        WebAuthnLogin passwordFree = new WebAuthnLogin(identities, new SecondFactorGuard(identities, throttle, f.events, f.transactions),
                new RelyingParties(new WebAuthnConfig(new MapConfig(values))), f.clock);

        assertEquals(List.of(), passwordFree.secondFactorNodes(identities.stored));
        assertFalse(new EnrolledSecondFactors(List.of(passwordFree)).available(identities.stored));
    }

    @Test
    void submitWhenRightAnswerThenSessionAal2AndCounterStored() {
        enrolKey();
        SessionService.Issued session = signedIn();
        Flow flow = raising(session);

        LoginHandler.Succeeded ok = assertInstanceOf(LoginHandler.Succeeded.class,
                submit(flow, session, key.authenticate("id.example", ORIGIN, challengeOf(flow), SoftwareAuthenticator.UP, null)));

        assertEquals("aal2", ok.session().session().aal());
        WebAuthnCredential stored = WebAuthnKeys.of(identities.stored, CredentialType.WEBAUTHN).orElseThrow().keys().get(0);
        assertEquals(1, stored.signCount());
        assertEquals(f.clock.instant(), stored.lastUsedAt());
        assertEquals(List.of("reserved", "succeeded"), throttle.calls);
    }

    @Test
    void submitWhenCounterGoesBackThenRefusedAsClonedAndCounted() {
        enrolKey();
        SessionService.Issued session = signedIn();
        Flow first = raising(session);
        submit(first, session, key.authenticate("id.example", ORIGIN, challengeOf(first), SoftwareAuthenticator.UP, null, 10,
                ClientDataType.WEBAUTHN_GET));
        SessionService.Issued other = signedIn();
        Flow second = raising(other);

        LoginHandler.Failed refused = assertInstanceOf(LoginHandler.Failed.class, submit(second, other, key.authenticate("id.example",
                ORIGIN, challengeOf(second), SoftwareAuthenticator.UP, null, 10, ClientDataType.WEBAUTHN_GET)));

        assertEquals(4000043, refused.flow().ui().messages().get(0).id());
        assertTrue(f.events.fired.stream().anyMatch(e -> e.type() == SecurityEventType.LOGIN_FAILED
                && "cloned_authenticator".equals(String.valueOf(e.details().get("reason")))));
        assertEquals(List.of("reserved", "succeeded", "reserved"), throttle.calls, "the refused answer's attempt stays counted");
    }

    @Test
    void submitWhenChallengeOfAnotherFlowThenRefused() {
        enrolKey();
        SessionService.Issued session = signedIn();
        Flow flow = raising(session);
        Flow other = raising(session);

        assertInstanceOf(LoginHandler.Failed.class,
                submit(flow, session, key.authenticate("id.example", ORIGIN, challengeOf(other), SoftwareAuthenticator.UP, null)));
        assertTrue(f.events.fired.stream().anyMatch(e -> "challenge_mismatch".equals(String.valueOf(e.details().get("reason")))));
    }
}
