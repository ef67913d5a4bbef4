package dev.gatehouse.selfservice.strategy.webauthn;

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
import dev.gatehouse.selfservice.login.EnrolledSecondFactors;
import dev.gatehouse.selfservice.login.LoginHandler;
import dev.gatehouse.selfservice.strategy.SecondFactorFixtures;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebAuthnPasswordlessLoginTest {

    private static final String ORIGIN = SelfServiceFixtures.BASE;
    private static final WebAuthnConfig CONFIG = config();

    private final SoftwareAuthenticator alone = new SoftwareAuthenticator();
    private final SoftwareAuthenticator factor = new SoftwareAuthenticator();
    private final SelfServiceFixtures f = new SelfServiceFixtures();
    private final SecondFactorFixtures.OneIdentity identities = new SecondFactorFixtures.OneIdentity(
            SelfServiceFixtures.identity("alice@example.com", null));
    private final WebAuthnPasswordlessLogin method = new WebAuthnPasswordlessLogin(identities, new RelyingParties(CONFIG), f.events, f.clock);
    private final LoginHandler handler = new LoginHandler(f.flows, List.of(method), f.sessions, f.events, f.config, f.style, f.transactions, f.clock);

    private static WebAuthnConfig config() {
        Map<String, String> values = new HashMap<>(ShippedConfig.values("gatehouse."));
        values.put("gatehouse.public.base-url", ORIGIN);
        values.put("gatehouse.webauthn.passwordless", "true");
        return new WebAuthnConfig(new MapConfig(values));
    }

    /** Alice with a key that signs in on its own and one that is a second factor, found by her e-mail address. */
    private void enrolKeys() {
        Identity alice = identities.stored;
        WebAuthnKeys keys = new WebAuthnKeys(WebAuthnKeys.identityHandle(alice), List.of()).with(made(alone), true).with(made(factor), false);
        identities.storeCredential(alice, CredentialType.WEBAUTHN, keys.toCredential(CredentialType.WEBAUTHN,
                PasswordlessKeys.identifiers(keys, List.of(alice.id().toString()), List.of("alice@example.com")), alice, f.clock.instant()));
    }

    private WebAuthnCredential made(SoftwareAuthenticator key) {
        Challenge challenge = Challenge.generate(new SecureRandom());
        return new RegistrationVerifier(CONFIG.relyingParty(), CONFIG.attestationPolicy())
                .verify(key.register("id.example", ORIGIN, challenge, SoftwareAuthenticator.UP), challenge, UserVerification.PREFERRED,
                        "Key", f.clock.instant());
    }

    private Flow newFlow() {
        return handler.create(SelfServiceFixtures.TENANT, Flavor.API, false, null, SelfServiceFixtures.BASE + "/self-service/login/api",
                SelfServiceFixtures.BASE, null, null);
    }

    private LoginHandler.Result submit(Flow flow, JsonObjectBuilder body) {
        byte[] json = body.add("method", "webauthn").build().toString().getBytes(StandardCharsets.UTF_8);
        return handler.submit(flow, Submission.parse("application/json", new ByteArrayInputStream(json)));
    }

    /** The second form, for Alice's e-mail address as she might type it. */
    private Flow identified() {
        return assertInstanceOf(LoginHandler.Sent.class, submit(newFlow(), Json.createObjectBuilder().add("identifier", " Alice@Example.com ")))
                .flow();
    }

    @Test
    void submitWhenIdentifierThenOptionsAllowOnlyTheKeysThatSignInAlone() {
        enrolKeys();

        Flow second = identified();

        assertEquals(1, Ceremonies.options(second.ui(), WebAuthnLogin.TRIGGER).orElseThrow().getJsonArray("allowCredentials").size());
        assertEquals(List.of(1010012L), second.ui().messages().stream().map(m -> m.id()).toList());
        assertTrue(second.ui().valueOf("identifier").isPresent());
    }

    @Test
    void submitWhenAnswerOfThePasswordlessKeyThenSignedInAtAal1WithMethodWebauthn() {
        enrolKeys();
        Flow second = identified();
        Challenge challenge = Ceremonies.challenge(second.ui(), WebAuthnLogin.TRIGGER).orElseThrow();

        LoginHandler.Succeeded ok = assertInstanceOf(LoginHandler.Succeeded.class, submit(second, Json.createObjectBuilder()
                .add("identifier", "alice@example.com")
                .add("webauthn_login", alone.authenticate("id.example", ORIGIN, challenge, SoftwareAuthenticator.UP, null))));

        assertEquals(identities.stored.id(), ok.identity().id());
        assertEquals("aal1", ok.session().session().aal());
        assertEquals(List.of(identities.stored.id().value() + " webauthn"), f.sessions.issued);
        assertEquals(1, WebAuthnKeys.of(identities.stored, CredentialType.WEBAUTHN).orElseThrow().passwordlessKeys().get(0).signCount());
        assertFalse(new EnrolledSecondFactors(List.of(method)).available(identities.stored), "a first factor is no second factor");
    }

    @Test
    void submitWhenAnswerOfTheSecondFactorKeyThenRefusedAndCounted() {
        enrolKeys();
        Flow second = identified();
        Challenge challenge = Ceremonies.challenge(second.ui(), WebAuthnLogin.TRIGGER).orElseThrow();

        LoginHandler.Failed refused = assertInstanceOf(LoginHandler.Failed.class, submit(second, Json.createObjectBuilder()
                .add("identifier", "alice@example.com")
                .add("webauthn_login", factor.authenticate("id.example", ORIGIN, challenge, SoftwareAuthenticator.UP, null))));

        assertEquals(List.of(4000043L), refused.flow().ui().messages().stream().map(m -> m.id()).toList());
        assertTrue(f.events.types().contains(SecurityEventType.LOGIN_FAILED));
        assertEquals(List.of(), f.sessions.issued);
    }

    @Test
    void submitWhenIdentifierHasNoKeyThenToldSo() {
        LoginHandler.Failed refused = assertInstanceOf(LoginHandler.Failed.class,
                submit(newFlow(), Json.createObjectBuilder().add("identifier", "alice@example.com")));

        assertEquals(List.of(4000015L), refused.flow().ui().messages().stream().map(m -> m.id()).toList());
    }
}
