package dev.gatehouse.selfservice.strategy.totp;

import dev.gatehouse.credential.totp.Totp;
import dev.gatehouse.credential.totp.TotpSecret;
import dev.gatehouse.identity.Credential;
import dev.gatehouse.identity.CredentialType;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.SelfServiceFixtures;
import dev.gatehouse.selfservice.strategy.SecondFactorFixtures;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.login.LoginHandler;
import dev.gatehouse.selfservice.login.SecondFactorGuard;
import dev.gatehouse.session.SessionService;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TotpLoginTest {

    private static final TotpSecret SECRET = TotpSecret.generate(new SecureRandom());

    private final SelfServiceFixtures f = new SelfServiceFixtures();
    private final SecondFactorFixtures.OneIdentity identities = new SecondFactorFixtures.OneIdentity(enrolled(SelfServiceFixtures.identity("alice@example.com", null)));
    private final SecondFactorFixtures.Throttle throttle = new SecondFactorFixtures.Throttle();
    private final TotpLogin method = new TotpLogin(identities, new SecondFactorGuard(identities, throttle, f.events, f.transactions), f.clock);
    private final LoginHandler handler = new LoginHandler(f.flows, List.of(method), f.sessions, f.events, f.config, f.style,
            f.transactions, f.clock);
    private final SessionService.Issued signedIn = f.sessions.issue(identities.stored, "password");

    private static Identity enrolled(Identity i) {
        Instant at = i.createdAt();
        Credential totp = new Credential(CredentialType.TOTP, List.of(i.id().toString()),
                Json.createObjectBuilder().add("totp_url", SECRET.uri("id.example", "alice@example.com")).build(), 0, at, at);
        return new Identity(i.id(), i.tenant(), i.schemaId(), i.state(), i.stateChangedAt(), i.traits(), i.metadataPublic(),
                i.metadataAdmin(), i.verifiableAddresses(), i.recoveryAddresses(), java.util.Map.of(CredentialType.TOTP, totp),
                at, at, i.version());
    }

    private Flow raising() {
        return handler.createRaising(f.sessions.byToken.get(signedIn.token()), Flavor.API, null,
                SelfServiceFixtures.BASE + "/self-service/login/api?aal=aal2", SelfServiceFixtures.BASE, null, null);
    }

    private LoginHandler.Result submit(Flow flow, String code) {
        String body = "{\"method\":\"totp\",\"totp_code\":\"" + code + "\"}";
        return handler.submit(flow, Submission.parse("application/json", new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))),
                Optional.of(signedIn.token()));
    }

    private String code() {
        return new Totp().code(SECRET, Totp.step(f.clock.instant()));
    }

    private String wrongCode() {
        return code().equals("000000") ? "111111" : "000000";
    }

    @Test
    void secondFactorNodesWhenEnrolledThenCodeAndButtonElseNone() {
        assertEquals(List.of("totp_code", "method"), method.secondFactorNodes(identities.stored).stream().map(UiNode::name).toList());
        assertEquals(List.of(), method.secondFactorNodes(SelfServiceFixtures.identity("bob@example.com", null)));
        assertEquals(List.of(), method.nodes());
    }

    @Test
    void submitWhenRightCodeThenSessionAal2WithBothMethodsAndStepStored() {
        LoginHandler.Succeeded ok = assertInstanceOf(LoginHandler.Succeeded.class, submit(raising(), code()));

        assertEquals("aal2", ok.session().session().aal());
        assertEquals(List.of("password", "totp"), ok.session().session().methods().stream().map(m -> m.method()).toList());
        assertEquals(Totp.step(f.clock.instant()), identities.stored.credential(CredentialType.TOTP).orElseThrow().config()
                .getJsonNumber("last_used_step").longValue());
        assertEquals(List.of("reserved", "succeeded"), throttle.calls);
    }

    @Test
    void submitWhenSameCodeUsedAgainThenRefusedAsReplay() {
        String code = code();
        submit(raising(), code);

        LoginHandler.Failed again = assertInstanceOf(LoginHandler.Failed.class, submit(raising(), code));

        UiNode field = again.flow().ui().nodes().stream().filter(n -> n.name().equals("totp_code")).findFirst().orElseThrow();
        assertEquals(4000008, field.messages().get(0).id());
        assertTrue(f.events.fired.stream().anyMatch(e -> e.type() == SecurityEventType.LOGIN_FAILED
                && "replayed".equals(String.valueOf(e.details().get("reason")))));
    }

    @Test
    void submitWhenFiveWrongCodesThenLockedEvenForTheRightCode() {
        for (int i = 0; i < 5; i++) {
            assertInstanceOf(LoginHandler.Failed.class, submit(raising(), wrongCode()));
        }

        assertInstanceOf(LoginHandler.Failed.class, submit(raising(), code()));

        assertEquals(List.of("reserved", "reserved", "reserved", "reserved", "reserved", "lock started", "refused"), throttle.calls);
        assertTrue(identities.stored.credential(CredentialType.TOTP).orElseThrow().config().get("last_used_step") == null);
    }

    @Test
    void submitWhenRightCodeOnTheLastAllowedAttemptThenAcceptedAndNoLockReported() {
        for (int i = 0; i < 4; i++) {
            assertInstanceOf(LoginHandler.Failed.class, submit(raising(), wrongCode()));
        }

        assertInstanceOf(LoginHandler.Succeeded.class, submit(raising(), code()));

        assertFalse(throttle.calls.contains("lock started"));
        assertEquals("succeeded", throttle.calls.get(throttle.calls.size() - 1));
    }

    @Test
    void submitWhenCodeOfPreviousStepThenAccepted() {
        String previous = new Totp().code(SECRET, Totp.step(f.clock.instant()) - 1);

        assertInstanceOf(LoginHandler.Succeeded.class, submit(raising(), previous));
    }
}
