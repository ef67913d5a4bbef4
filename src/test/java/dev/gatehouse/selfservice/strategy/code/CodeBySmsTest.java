package dev.gatehouse.selfservice.strategy.code;

import dev.gatehouse.courier.Channel;
import dev.gatehouse.courier.MessageTemplate;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.identity.PhoneRegion;
import dev.gatehouse.identity.VerifiableAddress;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowState;
import dev.gatehouse.selfservice.SelfServiceFixtures;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.code.CodeFixtures;
import dev.gatehouse.selfservice.login.EnrolledSecondFactors;
import dev.gatehouse.selfservice.login.LoginHandler;
import dev.gatehouse.selfservice.login.LoginMethod;
import dev.gatehouse.selfservice.login.SecondFactorGuard;
import dev.gatehouse.selfservice.strategy.SecondFactorFixtures;
import dev.gatehouse.session.SessionService;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The code method by SMS: sign-in with a phone number, the code as a second factor, and the send limits. */
class CodeBySmsTest {

    private static final String PHONE = "+49301234567";

    private final SelfServiceFixtures f = new SelfServiceFixtures("gatehouse.selfservice.methods.code.mfa-enabled", "true",
            "gatehouse.selfservice.code.send-limit.sms", "3", "gatehouse.selfservice.code.send-limit.email", "2",
            "gatehouse.selfservice.code.resend-interval", "1s");
    private final CodeFixtures c = new CodeFixtures(f);
    private final Identity ada = withPhone(SelfServiceFixtures.identity("ada@example.com", "$argon2id$stub"));
    private final Phones identities = new Phones(ada);
    private final SecondFactorFixtures.Throttle throttle = new SecondFactorFixtures.Throttle() {
        @Override
        public boolean isLocked(TenantId tenant, String identifier, String ip) {
            return false;
        }

        @Override
        public void failed(TenantId tenant, String identifier, String ip) {
        }

        @Override
        public void succeeded(TenantId tenant, String identifier) {
        }
    };
    private final CodeLogin login = new CodeLogin(c.codes, c.mails, identities, f.events, f.config, throttle, c.limits);
    private final CodeSecondFactor secondFactor = new CodeSecondFactor(c.codes, c.mails, identities,
            new SecondFactorGuard(identities, throttle, f.events, f.transactions), c.limits, f.config);
    private final LoginHandler handler = new LoginHandler(f.flows, List.<LoginMethod>of(login, secondFactor), f.sessions, f.events,
            f.config, f.style, f.transactions, f.clock);

    /** Identities found by their e-mail or phone trait, numbers read in region DE. */
    private static final class Phones extends IdentityService {
        private final List<Identity> known = new ArrayList<>();

        Phones(Identity... identities) {
            super(new PhoneRegion("DE"));
            known.addAll(List.of(identities));
        }

        @Override
        public Optional<Identity> find(TenantId tenant, String id) {
            return known.stream().filter(i -> i.id().toString().equals(id)).findFirst();
        }

        @Override
        public Optional<Identity> findByCodeIdentifier(TenantId tenant, String address) {
            String wanted = normaliseIdentifier(address);
            return known.stream().filter(i -> i.verifiableAddresses().stream().anyMatch(a -> a.value().equals(wanted))).findFirst();
        }
    }

    /** The identity with a verified e-mail address and a verified phone number. */
    private static Identity withPhone(Identity i) {
        var at = i.createdAt();
        return new Identity(i.id(), i.tenant(), i.schemaId(), i.state(), i.stateChangedAt(),
                Json.createObjectBuilder().add("email", "ada@example.com").add("phone", PHONE).build(), i.metadataPublic(),
                i.metadataAdmin(), List.of(
                        new VerifiableAddress(UUID.randomUUID(), "email", "ada@example.com", true, VerifiableAddress.Status.COMPLETED, at, at, at),
                        new VerifiableAddress(UUID.randomUUID(), "sms", PHONE, true, VerifiableAddress.Status.COMPLETED, at, at, at)),
                List.of(), i.credentials(), at, at, i.version());
    }

    private static Submission json(String body) {
        return Submission.parse("application/json", new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private Flow start() {
        return handler.create(SelfServiceFixtures.TENANT, Flavor.API, false, null, SelfServiceFixtures.BASE + "/self-service/login/api",
                SelfServiceFixtures.BASE, null, null);
    }

    private LoginHandler.Result askCode(String identifier) {
        return handler.submit(start(), json("{\"method\":\"code\",\"identifier\":\"" + identifier + "\"}"));
    }

    @Test
    void signInWhenPhoneNumberInNationalFormThenCodeBySmsToE164AndSessionViaSms() {
        Flow flow = askCode("030 1234567").flow();

        assertEquals(FlowState.SENT_EMAIL, flow.state());
        CodeFixtures.Mails.Mail sms = c.mails.last();
        assertEquals(Channel.SMS, sms.channel());
        assertEquals(PHONE, sms.to());
        assertEquals(MessageTemplate.LOGIN_CODE_VALID, sms.template());

        LoginHandler.Result done = handler.submit(flow, json("{\"method\":\"code\",\"code\":\"" + sms.model().get("code") + "\"}"));
        assertEquals(ada, assertInstanceOf(LoginHandler.Succeeded.class, done).identity());
        assertEquals(List.of("sms"), f.sessions.vias);
    }

    @Test
    void signInWhenEmailIdentifierThenCodeByEmail() {
        askCode("ada@example.com");
        assertEquals(Channel.EMAIL, c.mails.last().channel());
        assertEquals("ada@example.com", c.mails.last().to());
    }

    @Test
    void sendLimitWhenOneNumberInThreeSpellingsThenTheFourthCodeIsRefused() {
        assertInstanceOf(LoginHandler.Sent.class, askCode("+49 30 1234567"));
        assertInstanceOf(LoginHandler.Sent.class, askCode("0049 30 1234567"));
        assertInstanceOf(LoginHandler.Sent.class, askCode("030 1234567"));

        LoginHandler.Result fourth = askCode("+49 (30) 123-4567");

        assertInstanceOf(LoginHandler.Failed.class, fourth);
        assertEquals(4000001, fourth.flow().ui().messages().get(0).id());
        assertEquals(3, c.mails.sent.size());
    }

    @Test
    void sendLimitWhenOneEmailAddressInTwoSpellingsThenTheThirdCodeIsRefusedAndTheNumberStillGetsItsOwn() {
        assertInstanceOf(LoginHandler.Sent.class, askCode("ada@example.com"));
        assertInstanceOf(LoginHandler.Sent.class, askCode(" ADA@Example.com "));

        LoginHandler.Result third = askCode("ada@example.com");

        assertInstanceOf(LoginHandler.Failed.class, third);
        assertEquals(4000001, third.flow().ui().messages().get(0).id());
        assertInstanceOf(LoginHandler.Sent.class, askCode(PHONE), "each address has its own count");
        assertEquals(List.of(Channel.EMAIL, Channel.EMAIL, Channel.SMS), c.mails.sent.stream().map(CodeFixtures.Mails.Mail::channel).toList());
    }

    @Test
    void sendLimitWhenUnknownNumberThenCountedAlikeAndNothingSent() {
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(LoginHandler.Sent.class, askCode("+1 202 555 0143"));
        }
        assertInstanceOf(LoginHandler.Failed.class, askCode("+12025550143"));
        assertTrue(c.mails.sent.isEmpty());
    }

    @Test
    void sendLimitWhenWindowPassedThenCodesAgain() {
        for (int i = 0; i < 3; i++) {
            askCode(PHONE);
        }
        f.clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertInstanceOf(LoginHandler.Sent.class, askCode(PHONE));
    }

    @Test
    void resendWhenWithinTheIntervalThenRefusedInTheSameFlow() {
        Flow flow = askCode(PHONE).flow();
        LoginHandler.Result again = handler.submit(flow, json("{\"method\":\"code\",\"resend\":\"code\"}"));
        assertInstanceOf(LoginHandler.Failed.class, again);
        assertEquals(1, c.mails.sent.size());
    }

    private SessionService.Issued signedIn() {
        return f.sessions.issue(ada, "password");
    }

    private Flow raising(SessionService.Issued session) {
        return handler.createRaising(f.sessions.byToken.get(session.token()), Flavor.API, null,
                SelfServiceFixtures.BASE + "/self-service/login/api?aal=aal2", SelfServiceFixtures.BASE, null, null);
    }

    @Test
    void secondFactorWhenRaisingThenOneAddressButtonPerVerifiedAddress() {
        Flow flow = raising(signedIn());
        List<UiNode> buttons = flow.ui().nodes().stream().filter(n -> n.name().equals("address")).toList();
        assertEquals(2, buttons.size());
        assertEquals(1010023, buttons.get(1).label().id());
        assertEquals("sms", buttons.get(1).label().context().getString("channel"));
        assertTrue(new EnrolledSecondFactors(List.of(login, secondFactor)).available(ada));
    }

    @Test
    void secondFactorWhenViaNamesTheTraitThenOnlyThatAddressIsOffered() {
        Flow flow = handler.createRaising(f.sessions.byToken.get(signedIn().token()), Flavor.API, null,
                SelfServiceFixtures.BASE + "/self-service/login/api?aal=aal2&via=phone", SelfServiceFixtures.BASE, null, null);
        assertEquals(List.of(PHONE), flow.ui().nodes().stream().filter(n -> n.name().equals("address"))
                .map(n -> n.attributes().getString("value")).toList());
    }

    /** Raises a password session with a code sent to {@code address}; the code as sent, and the result. */
    private LoginHandler.Result raisedWithCodeTo(String address, Channel expected) {
        SessionService.Issued session = signedIn();
        Flow flow = handler.submit(raising(session), json("{\"address\":\"" + address + "\"}"), Optional.of(session.token())).flow();
        assertEquals(expected, c.mails.last().channel());
        assertEquals(address, c.mails.last().to());

        return handler.submit(flow, json("{\"method\":\"code\",\"code\":\"" + c.mails.last().model().get("code") + "\"}"),
                Optional.of(session.token()));
    }

    @Test
    void secondFactorWhenSmsCodeRightThenSessionRaisedByCodeViaSms() {
        LoginHandler.Result done = raisedWithCodeTo(PHONE, Channel.SMS);

        assertEquals("aal2", assertInstanceOf(LoginHandler.Succeeded.class, done).session().session().aal());
        assertEquals(List.of("sms"), f.sessions.vias);
    }

    @Test
    void secondFactorWhenEmailCodeRightThenSessionRaisedByCodeViaEmail() {
        LoginHandler.Result done = raisedWithCodeTo("ada@example.com", Channel.EMAIL);

        assertEquals("aal2", assertInstanceOf(LoginHandler.Succeeded.class, done).session().session().aal());
        assertEquals(List.of("email"), f.sessions.vias);
    }

    @Test
    void secondFactorWhenAddressNotTheIdentitysThenRefusedAndNothingSent() {
        SessionService.Issued session = signedIn();
        LoginHandler.Result r = handler.submit(raising(session), json("{\"method\":\"code\",\"address\":\"+12025550143\"}"),
                Optional.of(session.token()));
        assertInstanceOf(LoginHandler.Failed.class, r);
        assertEquals(4010010, r.flow().ui().messages().get(0).id());
        assertTrue(c.mails.sent.isEmpty());
    }

    @Test
    void secondFactorWhenWrongCodeThenCountedForTheIdentity() {
        SessionService.Issued session = signedIn();
        Flow flow = handler.submit(raising(session), json("{\"address\":\"" + PHONE + "\"}"), Optional.of(session.token())).flow();
        LoginHandler.Result r = handler.submit(flow, json("{\"method\":\"code\",\"code\":\"000000\"}"), Optional.of(session.token()));
        assertInstanceOf(LoginHandler.Failed.class, r);
        assertEquals(List.of("reserved"), throttle.calls, "asking for the code is no attempt; typing one is");
    }

    @Test
    void secondFactorWhenSwitchedOffThenOfferedToNobody() {
        SelfServiceFixtures off = new SelfServiceFixtures();
        CodeSecondFactor disabled = new CodeSecondFactor(c.codes, c.mails, identities,
                new SecondFactorGuard(identities, throttle, off.events, off.transactions), c.limits, off.config);
        assertEquals(List.of(), disabled.secondFactorNodes(ada));
        assertFalse(new EnrolledSecondFactors(List.of(login, disabled)).available(ada));
    }
}
