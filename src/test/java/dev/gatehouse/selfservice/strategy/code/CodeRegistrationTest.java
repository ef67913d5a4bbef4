package dev.gatehouse.selfservice.strategy.code;

import dev.gatehouse.courier.MessageTemplate;
import dev.gatehouse.identity.IdentityDraft;
import dev.gatehouse.identity.schema.IdentitySchemaConfig;
import dev.gatehouse.identity.schema.IdentitySchemas;
import dev.gatehouse.kernel.config.MapConfig;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowState;
import dev.gatehouse.selfservice.SelfServiceFixtures;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.code.CodeFixtures;
import dev.gatehouse.selfservice.registration.Registrar;
import dev.gatehouse.selfservice.registration.RegistrationHandler;
import dev.gatehouse.selfservice.verification.VerificationHandler;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeRegistrationTest {

    private static final String TRAITS = "{\"email\":\"alice@example.com\"}";

    private final SelfServiceFixtures f = new SelfServiceFixtures();
    private final CodeFixtures c = new CodeFixtures(f);
    private final CodeRegistration method = new CodeRegistration(c.codes, c.mails, c.identities, new Registrar(c.identities),
            f.config, f.transactions, c.limits);
    private final VerificationHandler verification = new VerificationHandler() {
        @Override
        public List<Flow> startAfterRegistration(Flow registration, dev.gatehouse.identity.Identity identity) {
            return List.of();
        }
    };
    private final RegistrationHandler handler = new RegistrationHandler(f.flows, List.of(method),
            new IdentitySchemas(new IdentitySchemaConfig(MapConfig.of())), f.sessions, verification, f.events, f.config, f.style,
            f.transactions, f.clock);

    private static Submission json(String body) {
        return Submission.parse("application/json", new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private Flow sent() {
        Flow flow = handler.create(SelfServiceFixtures.TENANT, Flavor.API, null, SelfServiceFixtures.BASE, SelfServiceFixtures.BASE,
                null, null);
        return handler.submit(flow, json("{\"method\":\"code\",\"traits\":" + TRAITS + "}")).flow();
    }

    @Test
    void submitWhenTraitsThenCodeMailedAndNothingCreatedYet() {
        Flow flow = sent();

        assertEquals(FlowState.SENT_EMAIL, flow.state());
        assertEquals(MessageTemplate.REGISTRATION_CODE_VALID, c.mails.last().template());
        assertEquals(List.of(), c.identities.created);
        assertTrue(flow.ui().nodes().stream().noneMatch(n -> n.group().equals("password")));
    }

    @Test
    void submitWhenRightCodeAndSameTraitsThenIdentityWithVerifiedAddressAndNoPassword() {
        Flow flow = sent();

        RegistrationHandler.Succeeded ok = assertInstanceOf(RegistrationHandler.Succeeded.class, handler.submit(flow,
                json("{\"method\":\"code\",\"traits\":" + TRAITS + ",\"code\":\"" + c.mails.last().model().get("code") + "\"}")));

        IdentityDraft draft = c.identities.created.get(0);
        assertTrue(draft.password().isEmpty());
        assertTrue(draft.importedAddresses().get(0).verified());
        assertEquals(List.of(ok.identity().id().value() + " code"), f.sessions.issued);
    }

    @Test
    void submitWhenPhoneTraitThenCodeBySmsAndTheNumberStoredVerifiedInE164() {
        RegistrationHandler phones = new RegistrationHandler(f.flows, List.of(method), new IdentitySchemas(new IdentitySchemaConfig(
                MapConfig.of("gatehouse.identity.schemas", "phone=classpath:dev/gatehouse/identity/schema/phone.schema.json",
                        "gatehouse.identity.default-schema-id", "phone"))), f.sessions, verification, f.events, f.config,
                f.style, f.transactions, f.clock);
        Flow flow = phones.create(SelfServiceFixtures.TENANT, Flavor.API, null, SelfServiceFixtures.BASE, SelfServiceFixtures.BASE,
                null, null);
        Flow sent = phones.submit(flow, json("{\"method\":\"code\",\"traits\":{\"phone\":\"+49 30 1234567\"}}")).flow();
        assertEquals(dev.gatehouse.courier.Channel.SMS, c.mails.last().channel());
        assertEquals("+49301234567", c.mails.last().to());

        assertInstanceOf(RegistrationHandler.Succeeded.class, phones.submit(sent, json("{\"method\":\"code\",\"traits\":"
                + "{\"phone\":\"+49 30 1234567\"},\"code\":\"" + c.mails.last().model().get("code") + "\"}")));

        IdentityDraft draft = c.identities.created.get(0);
        assertEquals("+49301234567", draft.traits().getString("phone"));
        assertEquals(new IdentityDraft.ImportedAddress("sms", "+49301234567", true,
                dev.gatehouse.identity.VerifiableAddress.Status.COMPLETED), draft.importedAddresses().get(0));
    }

    @Test
    void submitWhenRightCodeButOtherTraitsThenRefusedAsMismatch() {
        Flow flow = sent();

        RegistrationHandler.Result r = handler.submit(flow, json("{\"method\":\"code\",\"traits\":{\"email\":\"eve@example.com\"},"
                + "\"code\":\"" + c.mails.last().model().get("code") + "\"}"));

        assertInstanceOf(RegistrationHandler.Failed.class, r);
        assertEquals(Texts.traitsMismatch().id(), r.flow().ui().messages().get(0).id());
        assertEquals(List.of(), c.identities.created);
    }

    @Test
    void submitWhenAddressAlreadyRegisteredThenDuplicateAndNothingMailed() {
        c.identities.add(SelfServiceFixtures.identity("alice@example.com", null));
        Flow flow = handler.create(SelfServiceFixtures.TENANT, Flavor.API, null, SelfServiceFixtures.BASE, SelfServiceFixtures.BASE,
                null, null);

        RegistrationHandler.Result r = handler.submit(flow, json("{\"method\":\"code\",\"traits\":" + TRAITS + "}"));

        assertInstanceOf(RegistrationHandler.Failed.class, r);
        assertEquals(List.of(), c.mails.sent);
    }
}
