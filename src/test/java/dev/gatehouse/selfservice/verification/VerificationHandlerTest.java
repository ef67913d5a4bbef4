package dev.gatehouse.selfservice.verification;

import dev.gatehouse.courier.Channel;
import dev.gatehouse.courier.MessageTemplate;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.VerifiableAddress;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowState;
import dev.gatehouse.selfservice.SelfServiceFixtures;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.code.CodeFixtures;
import dev.gatehouse.selfservice.code.CodeStep;
import dev.gatehouse.selfservice.strategy.code.CodeVerification;
import dev.gatehouse.selfservice.strategy.link.LinkVerification;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerificationHandlerTest {

    private static final String EMAIL = "alice@example.com";

    private VerificationHandler handler(SelfServiceFixtures f, CodeFixtures c) {
        VerificationMails mails = new VerificationMails(c.codes, c.identities, c.steps, f.events, f.config);
        return new VerificationHandler(c.steps, c.codes, f.flows, List.of(new LinkVerification(c.codes, c.mails, mails),
                new CodeVerification(c.codes, c.mails, mails, c.limits)), f.config, f.events, f.transactions);
    }

    private static Flow start(VerificationHandler handler) {
        return handler.create(SelfServiceFixtures.TENANT, Flavor.API, null, SelfServiceFixtures.BASE + "/self-service/verification/api",
                SelfServiceFixtures.BASE, null, null);
    }

    private static Submission json(String body) {
        return Submission.parse("application/json", new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void createWhenCodeConfiguredThenOffersTheCodeMethodOnly() {
        SelfServiceFixtures f = new SelfServiceFixtures("gatehouse.selfservice.verification.use", "code");
        Flow flow = start(handler(f, new CodeFixtures(f)));

        assertEquals(List.of("email", "method"), flow.ui().nodes().stream().map(n -> n.name()).toList());
        assertEquals("code", flow.ui().valueOf("method").orElseThrow());
    }

    @Test
    void submitWhenRightCodeThenAddressVerifiedAndFlowPassed() {
        SelfServiceFixtures f = new SelfServiceFixtures("gatehouse.selfservice.verification.use", "code");
        CodeFixtures c = new CodeFixtures(f);
        Identity alice = c.identities.add(SelfServiceFixtures.withAddress(EMAIL));
        VerificationHandler handler = handler(f, c);
        Flow sent = handler.submit(start(handler), json("{\"email\":\"" + EMAIL + "\"}")).flow();
        assertEquals(FlowState.SENT_EMAIL, sent.state());
        assertEquals(MessageTemplate.VERIFICATION_CODE_VALID, c.mails.last().template());

        CodeStep done = handler.submit(sent, json("{\"code\":\"" + c.mails.last().model().get("code") + "\"}"));

        assertTrue(done.accepted());
        assertEquals(FlowState.PASSED_CHALLENGE, f.repository.stored(sent.id()).state());
        assertEquals(Set.of(EMAIL), c.identities.verified);
        assertEquals(alice.id().value().toString(), f.events.fired.get(f.events.fired.size() - 1).subject());
        assertEquals(SecurityEventType.VERIFICATION_SUCCEEDED, f.events.fired.get(f.events.fired.size() - 1).type());
    }

    @Test
    void submitWhenPhoneNumberThenCodeBySmsAndTheNumberVerified() {
        SelfServiceFixtures f = new SelfServiceFixtures("gatehouse.selfservice.verification.use", "code");
        CodeFixtures c = new CodeFixtures(f);
        Identity a = SelfServiceFixtures.identity(EMAIL, null);
        c.identities.add(new Identity(a.id(), a.tenant(), a.schemaId(), a.state(), a.stateChangedAt(), a.traits(), a.metadataPublic(),
                a.metadataAdmin(), List.of(new VerifiableAddress(UUID.randomUUID(), "sms", "+49301234567", false,
                VerifiableAddress.Status.PENDING, null, a.createdAt(), a.createdAt())), List.of(), a.credentials(),
                a.createdAt(), a.createdAt(), 1));
        VerificationHandler handler = handler(f, c);

        Flow sent = handler.submit(start(handler), json("{\"email\":\"+49 30 1234567\"}")).flow();
        assertEquals(Channel.SMS, c.mails.last().channel());
        assertEquals("+49301234567", c.mails.last().to());
        CodeStep done = handler.submit(sent, json("{\"code\":\"" + c.mails.last().model().get("code") + "\"}"));

        assertTrue(done.accepted());
        assertEquals(Set.of("+49301234567"), c.identities.verified);
    }

    @Test
    void submitWhenCodeTypedIntoLinkFlowThenCheckedAsCodeAndRefused() {
        SelfServiceFixtures f = new SelfServiceFixtures("gatehouse.selfservice.verification.use", "link");
        CodeFixtures c = new CodeFixtures(f);
        c.identities.add(SelfServiceFixtures.withAddress(EMAIL));
        VerificationHandler handler = handler(f, c);
        Flow sent = handler.submit(start(handler), json("{\"email\":\"" + EMAIL + "\"}")).flow();
        assertEquals(MessageTemplate.VERIFICATION_VALID, c.mails.last().template());

        CodeStep refused = handler.submit(sent, json("{\"code\":\"123456\"}"));

        assertFalse(refused.accepted());
        assertEquals(Texts.verificationCodeInvalid().id(), refused.flow().ui().messages().get(0).id());
    }

    @Test
    void byLinkWhenMailedTokenThenVerified() {
        SelfServiceFixtures f = new SelfServiceFixtures("gatehouse.selfservice.verification.use", "link");
        CodeFixtures c = new CodeFixtures(f);
        c.identities.add(SelfServiceFixtures.withAddress(EMAIL));
        VerificationHandler handler = handler(f, c);
        Flow sent = handler.submit(start(handler), json("{\"email\":\"" + EMAIL + "\"}")).flow();
        String link = c.mails.last().model().get("link");

        CodeStep done = handler.byLink(sent, link.substring(link.indexOf("&token=") + 7));

        assertTrue(done.accepted());
        assertEquals(Set.of(EMAIL), c.identities.verified);
    }

    @Test
    void submitWhenUnknownMethodThenRefusedWithChooseMessage() {
        SelfServiceFixtures f = new SelfServiceFixtures();
        VerificationHandler handler = handler(f, new CodeFixtures(f));

        CodeStep refused = handler.submit(start(handler), json("{\"method\":\"password\",\"email\":\"" + EMAIL + "\"}"));

        assertFalse(refused.accepted());
        assertEquals("Choose the method code or link.", refused.flow().ui().messages().get(0).text());
    }

    @Test
    void submitWhenUnknownAddressThenSameAnswerAndNothingMailed() {
        SelfServiceFixtures f = new SelfServiceFixtures("gatehouse.selfservice.verification.use", "code");
        CodeFixtures c = new CodeFixtures(f);
        VerificationHandler handler = handler(f, c);

        CodeStep step = handler.submit(start(handler), json("{\"email\":\"nobody@example.com\"}"));

        assertTrue(step.accepted());
        assertEquals(FlowState.SENT_EMAIL, step.flow().state());
        assertEquals(List.of(), c.mails.sent);
    }
}
