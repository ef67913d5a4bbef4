package dev.gatehouse.selfservice.registration;

import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.schema.IdentitySchema;
import dev.gatehouse.identity.schema.IdentitySchemaConfig;
import dev.gatehouse.identity.schema.IdentitySchemas;
import dev.gatehouse.kernel.config.MapConfig;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.selfservice.Completion;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowState;
import dev.gatehouse.selfservice.SelfServiceFixtures;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.verification.VerificationHandler;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistrationHandlerTest {

    private final SelfServiceFixtures f = new SelfServiceFixtures();
    private final IdentitySchemas schemas = new IdentitySchemas(new IdentitySchemaConfig(MapConfig.of()));
    private final Identity alice = SelfServiceFixtures.identity("alice@example.com", null);
    private final List<Identity> verifying = new ArrayList<>();

    private final VerificationHandler verification = new VerificationHandler() {
        @Override
        public List<Flow> startAfterRegistration(Flow registration, Identity identity) {
            verifying.add(identity);
            return List.of();
        }
    };

    private record FakeMethod(String id, int order, BiFunction<Flow, Ui, Result> answer) implements RegistrationMethod {
        @Override
        public List<UiNode> nodes() {
            return List.of(UiNode.input(id, "method", "submit", Json.createValue(id), false, null, Texts.signUp()));
        }

        @Override
        public Completion<Result> submit(Flow flow, Submission submission, Ui ui, IdentitySchema schema) {
            return () -> answer.apply(flow, ui);
        }
    }

    private RegistrationHandler handler(RegistrationMethod... methods) {
        return new RegistrationHandler(f.flows, List.of(methods), schemas, f.sessions, verification, f.events, f.config, f.style,
                f.transactions, f.clock);
    }

    private Flow start(RegistrationHandler handler) {
        return handler.create(SelfServiceFixtures.TENANT, Flavor.API, null, SelfServiceFixtures.BASE + "/self-service/registration/api",
                SelfServiceFixtures.BASE, null, null);
    }

    private static Submission json(String body) {
        return Submission.parse("application/json", new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private FakeMethod registering(String id, int order) {
        return new FakeMethod(id, order, (flow, ui) -> new RegistrationMethod.Registered(alice, ui, id));
    }

    @Test
    void createWhenMethodsThenTraitsFirstThenMethodsInOrder() {
        Flow flow = start(handler(registering("code", 200), registering("password", 100)));

        List<String> groups = flow.ui().nodes().stream().map(UiNode::group).toList();
        assertTrue(flow.ui().nodes().get(0).name().startsWith("traits."), flow.ui().nodes().get(0).name());
        assertEquals(List.of("password", "code"), groups.subList(groups.size() - 2, groups.size()));
        assertEquals(FlowState.CHOOSE_METHOD, flow.state());
    }

    /** A method that asks for a password and registers alice. */
    private RegistrationMethod passwordMethod() {
        FakeMethod inner = registering("password", 100);
        return new RegistrationMethod() {
            @Override
            public String id() {
                return inner.id();
            }

            @Override
            public int order() {
                return inner.order();
            }

            @Override
            public boolean asksForPassword() {
                return true;
            }

            @Override
            public List<UiNode> nodes() {
                return inner.nodes();
            }

            @Override
            public Completion<Result> submit(Flow flow, Submission submission, Ui ui, IdentitySchema schema) {
                return inner.submit(flow, submission, ui, schema);
            }
        };
    }

    @Test
    void createAndSubmitWhenPasswordFreeThenPasswordMethodNeitherOfferedNorAccepted() {
        SelfServiceFixtures passwordFree = new SelfServiceFixtures("gatehouse.selfservice.login.password-free", "true");
        RegistrationHandler handler = new RegistrationHandler(passwordFree.flows, List.of(passwordMethod(), registering("code", 200)),
                schemas, passwordFree.sessions, verification, passwordFree.events, passwordFree.config, passwordFree.style,
                passwordFree.transactions, passwordFree.clock);
        Flow flow = handler.create(SelfServiceFixtures.TENANT, Flavor.API, null, SelfServiceFixtures.BASE, SelfServiceFixtures.BASE,
                null, null);

        assertEquals(List.of(), flow.ui().nodes().stream().filter(n -> n.group().equals("password")).toList());
        RegistrationHandler.Result refused = handler.submit(flow, json("{\"method\":\"password\",\"password\":\"x\"}"));
        assertInstanceOf(RegistrationHandler.Failed.class, refused);
        assertEquals(List.of(), passwordFree.sessions.issued);

        RegistrationHandler.Result byDefault = handler.submit(refused.flow(), json("{}"));
        assertEquals(List.of(alice.id().value() + " code"), passwordFree.sessions.issued, byDefault.toString());
    }

    @Test
    void submitWhenUnknownMethodThenRefusedWithMessage() {
        RegistrationHandler handler = handler(registering("password", 100));

        RegistrationHandler.Result r = handler.submit(start(handler), json("{\"method\":\"magic\"}"));

        assertInstanceOf(RegistrationHandler.Failed.class, r);
        assertEquals("This sign-up method is not available.", r.flow().ui().messages().get(0).text());
    }

    @Test
    void submitWhenNoMethodNamedThenFirstMethodRegistersAndSignsIn() {
        RegistrationHandler handler = handler(registering("code", 200), registering("password", 100));
        Flow flow = start(handler);

        RegistrationHandler.Succeeded ok = assertInstanceOf(RegistrationHandler.Succeeded.class, handler.submit(flow, json("{}")));

        assertEquals(alice, ok.identity());
        assertEquals(List.of(alice.id().value() + " password"), f.sessions.issued);
        assertEquals(FlowState.PASSED_CHALLENGE, f.repository.stored(flow.id()).state());
        assertEquals(List.of(SecurityEventType.REGISTRATION, SecurityEventType.CREDENTIAL_ENROLLED), f.events.types());
        assertEquals("password", f.events.fired.get(1).details().get("method"));
        assertEquals(List.of(alice), verifying);
    }

    @Test
    void submitWhenMethodSendsCodeThenSentAndWaiting() {
        RegistrationHandler handler = handler(new FakeMethod("code", 200,
                (flow, ui) -> new RegistrationMethod.Answered(flow.sentEmail(ui), true)));
        Flow flow = start(handler);

        assertInstanceOf(RegistrationHandler.Sent.class, handler.submit(flow, json("{\"method\":\"code\"}")));
        assertEquals(FlowState.SENT_EMAIL, f.repository.stored(flow.id()).state());
        assertEquals(List.of(), f.sessions.issued);
    }
}
