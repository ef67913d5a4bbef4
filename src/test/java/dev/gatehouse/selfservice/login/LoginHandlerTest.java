package dev.gatehouse.selfservice.login;

import dev.gatehouse.identity.Identity;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.selfservice.Completion;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowError;
import dev.gatehouse.selfservice.FlowState;
import dev.gatehouse.selfservice.SelfServiceFixtures;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LoginHandlerTest {

    private final SelfServiceFixtures f = new SelfServiceFixtures();
    private final Identity alice = SelfServiceFixtures.identity("alice@example.com", null);

    /** A method that answers as told and records what it was given. */
    private static final class FakeMethod implements LoginMethod {
        final String id;
        final int order;
        final BiFunction<Flow, Ui, Result> answer;
        final List<String> calls = new ArrayList<>();

        FakeMethod(String id, int order, BiFunction<Flow, Ui, Result> answer) {
            this.id = id;
            this.order = order;
            this.answer = answer;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public int order() {
            return order;
        }

        @Override
        public List<UiNode> nodes() {
            return List.of(UiNode.input(id, "method", "submit", Json.createValue(id), false, null, Texts.signIn()));
        }

        @Override
        public Completion<Result> submit(Flow flow, Submission submission, Ui ui) {
            calls.add("submit " + ui.valueOf("identifier").orElse(""));
            return () -> answer.apply(flow, ui);
        }
    }

    /** A second factor that proves alice. */
    private static final class FakeSecondFactor implements LoginMethod {
        private final Identity who;

        FakeSecondFactor(Identity who) {
            this.who = who;
        }

        @Override
        public String id() {
            return "otp";
        }

        @Override
        public int order() {
            return 400;
        }

        @Override
        public List<UiNode> nodes() {
            return List.of();
        }

        @Override
        public boolean secondFactor() {
            return true;
        }

        @Override
        public List<UiNode> secondFactorNodes(Identity identity) {
            return List.of(UiNode.input("otp", "method", "submit", Json.createValue("otp"), false, null, Texts.signIn()));
        }

        @Override
        public Completion<Result> submit(Flow flow, Submission submission, Ui ui) {
            return () -> new Authenticated(who, ui, "otp", "otp");
        }
    }

    private LoginHandler handler(LoginMethod... methods) {
        return new LoginHandler(f.flows, List.of(methods), f.sessions, f.events, f.config, f.style, f.transactions, f.clock);
    }

    private Flow start(LoginHandler handler) {
        return handler.create(SelfServiceFixtures.TENANT, Flavor.API, false, null, SelfServiceFixtures.BASE + "/self-service/login/api",
                SelfServiceFixtures.BASE, null, null);
    }

    private static Submission json(String body) {
        return Submission.parse("application/json", new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private FakeMethod proving(String id, int order) {
        return new FakeMethod(id, order, (flow, ui) -> new LoginMethod.Authenticated(alice, ui, id, id + "_event"));
    }

    @Test
    void createWhenMethodsGivenInAnyOrderThenNodesInMethodOrderAfterIdentifier() {
        Flow flow = start(handler(proving("second", 200), proving("first", 100)));

        assertEquals(List.of("identifier", "method", "method"), flow.ui().nodes().stream().map(UiNode::name).toList());
        assertEquals(List.of("default", "first", "second"), flow.ui().nodes().stream().map(UiNode::group).toList());
        assertEquals(FlowState.CHOOSE_METHOD, flow.state());
        assertEquals(flow, f.repository.stored(flow.id()));
    }

    @Test
    void submitWhenMethodNamedThenThatMethodWithTrimmedIdentifier() {
        FakeMethod first = proving("first", 100);
        FakeMethod second = proving("second", 200);
        LoginHandler handler = handler(first, second);

        handler.submit(start(handler), json("{\"method\":\"second\",\"identifier\":\"  alice@example.com \"}"));

        assertEquals(List.of(), first.calls);
        assertEquals(List.of("submit alice@example.com"), second.calls);
    }

    @Test
    void submitWhenNoMethodNamedThenFirstMethod() {
        FakeMethod first = proving("first", 100);
        LoginHandler handler = handler(proving("second", 200), first);

        handler.submit(start(handler), json("{\"identifier\":\"alice@example.com\"}"));

        assertEquals(1, first.calls.size());
    }

    @Test
    void submitWhenUnknownMethodThenRefusedWithMessageAndStateKept() {
        LoginHandler handler = handler(proving("first", 100));
        Flow flow = start(handler);

        LoginHandler.Result r = handler.submit(flow, json("{\"method\":\"magic\",\"identifier\":\"a\"}"));

        assertInstanceOf(LoginHandler.Failed.class, r);
        assertEquals(FlowState.CHOOSE_METHOD, r.flow().state());
        assertEquals("The sign-in method magic is not available.", r.flow().ui().messages().get(0).text());
        assertEquals(r.flow().ui(), f.repository.stored(flow.id()).ui());
        assertEquals(List.of(), f.sessions.issued);
    }

    @Test
    void submitWhenMethodProvesThenSessionIssuedFlowPassedAndEventNamesMethod() {
        LoginHandler handler = handler(proving("first", 100));
        Flow flow = start(handler);

        LoginHandler.Result r = handler.submit(flow, json("{\"method\":\"first\",\"identifier\":\"alice@example.com\"}"));

        LoginHandler.Succeeded ok = assertInstanceOf(LoginHandler.Succeeded.class, r);
        assertEquals(alice, ok.identity());
        assertEquals(List.of(alice.id().value() + " first"), f.sessions.issued);
        assertEquals(FlowState.PASSED_CHALLENGE, f.repository.stored(flow.id()).state());
        assertEquals(List.of(SecurityEventType.LOGIN, SecurityEventType.CREDENTIAL_USED), f.events.types());
        assertEquals("first_event", f.events.fired.get(0).details().get("method"));
        assertEquals(Map.of("method", "first_event", "aal", "aal1"), f.events.fired.get(1).details());
    }

    @Test
    void submitWhenMethodAcceptsNextStepThenSentAndStored() {
        FakeMethod code = new FakeMethod("code", 200, (flow, ui) -> new LoginMethod.Answered(flow.sentEmail(ui), true));
        LoginHandler handler = handler(code);
        Flow flow = start(handler);

        LoginHandler.Result r = handler.submit(flow, json("{\"method\":\"code\",\"identifier\":\"a@b.test\"}"));

        assertInstanceOf(LoginHandler.Sent.class, r);
        assertEquals(FlowState.SENT_EMAIL, f.repository.stored(flow.id()).state());
    }

    @Test
    void submitWhenFlowAlreadyPassedThenReplacedAndNoSession() {
        LoginHandler handler = handler(proving("first", 100));
        Flow flow = start(handler);
        Flow done = ((LoginHandler.Succeeded) handler.submit(flow, json("{\"identifier\":\"a\"}"))).flow();
        f.sessions.issued.clear();

        FlowError e = assertThrows(FlowError.class, () -> handler.submit(done, json("{\"identifier\":\"a\"}")));

        assertEquals(FlowError.Kind.SPENT, e.kind());
        assertEquals(List.of(), f.sessions.issued);
    }

    @Test
    void byLinkWhenNoMethodMailsLinksThenFlowNotFound() {
        LoginHandler handler = handler(proving("first", 100));

        assertEquals(FlowError.Kind.NOT_FOUND, assertThrows(FlowError.class, () -> handler.byLink(start(handler), "token")).kind());
    }

    @Test
    void createWhenSecondFactorMethodThenPlainFormLeavesItOut() {
        Flow flow = start(handler(proving("first", 100), new FakeSecondFactor(alice)));

        assertEquals(List.of("default", "first"), flow.ui().nodes().stream().map(UiNode::group).toList());
        assertEquals(false, flow.raisesSession());
    }

    @Test
    void submitWhenPlainFlowNamesSecondFactorThenRefused() {
        LoginHandler handler = handler(proving("first", 100), new FakeSecondFactor(alice));

        LoginHandler.Result r = handler.submit(start(handler), json("{\"method\":\"otp\",\"identifier\":\"a\"}"));

        assertInstanceOf(LoginHandler.Failed.class, r);
        assertEquals(List.of(), f.sessions.issued);
    }

    @Test
    void raiseWhenSecondFactorProvesHolderThenSameSessionAtAal2WithBothMethods() {
        LoginHandler handler = handler(proving("first", 100), new FakeSecondFactor(alice));
        var issued = f.sessions.issue(alice, "password");
        Flow flow = handler.createRaising(f.sessions.byToken.get(issued.token()), Flavor.API, null,
                SelfServiceFixtures.BASE + "/self-service/login/api?aal=aal2", SelfServiceFixtures.BASE, null, null);

        assertEquals("aal2", flow.requestedAal());
        assertEquals(List.of("otp"), flow.ui().nodes().stream().map(UiNode::group).toList());
        assertEquals(1010004, flow.ui().messages().get(0).id());

        var ok = assertInstanceOf(LoginHandler.Succeeded.class,
                handler.submit(flow, json("{\"method\":\"otp\"}"), java.util.Optional.of(issued.token())));

        assertEquals(issued.session().id(), ok.session().session().id());
        assertEquals(issued.token(), ok.session().token());
        assertEquals("aal2", ok.session().session().aal());
        assertEquals(List.of("password", "otp"), ok.session().session().methods().stream().map(m -> m.method()).toList());
        assertEquals(FlowState.PASSED_CHALLENGE, f.repository.stored(flow.id()).state());
    }

    @Test
    void raiseWhenAnotherSessionSubmitsThenNoSessionAndNothingRaised() {
        LoginHandler handler = handler(new FakeSecondFactor(alice));
        var holder = f.sessions.issue(alice, "password");
        var other = f.sessions.issue(alice, "password");
        Flow flow = handler.createRaising(f.sessions.byToken.get(holder.token()), Flavor.API, null,
                SelfServiceFixtures.BASE + "/self-service/login/api?aal=aal2", SelfServiceFixtures.BASE, null, null);

        FlowError e = assertThrows(FlowError.class,
                () -> handler.submit(flow, json("{\"method\":\"otp\"}"), java.util.Optional.of(other.token())));

        assertEquals(FlowError.Kind.NO_SESSION, e.kind());
        assertEquals("aal1", f.sessions.byToken.get(holder.token()).session().aal());
    }
}
