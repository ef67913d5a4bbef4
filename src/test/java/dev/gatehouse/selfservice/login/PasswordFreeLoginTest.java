package dev.gatehouse.selfservice.login;

import dev.gatehouse.identity.Identity;
import dev.gatehouse.selfservice.Completion;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The login handler on a password-free tenant: identifier first, then only methods that ask for no password. */
class PasswordFreeLoginTest {

    private final SelfServiceFixtures f = new SelfServiceFixtures("gatehouse.selfservice.login.password-free", "true");
    private final Identity alice = SelfServiceFixtures.identity("alice@example.com", null);

    /** A first factor that proves whom it is given and records the identifiers; {@code password} if it asks for one. */
    private record Method(String id, int order, boolean password, Identity proves, List<String> calls, boolean discoverable)
            implements LoginMethod {

        Method(String id, int order, boolean password, Identity proves) {
            this(id, order, password, proves, new ArrayList<>(), false);
        }

        /** A method that needs no identifier, as a passkey. */
        static Method discoverable(String id, int order, Identity proves) {
            return new Method(id, order, false, proves, new ArrayList<>(), true);
        }

        @Override
        public boolean offersConditionalUi() {
            return discoverable;
        }

        @Override
        public boolean asksForPassword() {
            return password;
        }

        @Override
        public List<UiNode> nodes() {
            UiNode button = UiNode.input(id, "method", "submit", Json.createValue(id), false, null, Texts.signIn());
            return password ? List.of(UiNode.input(id, "password", "password", null, true, "current-password", Texts.passwordLabel()),
                    button) : List.of(button);
        }

        @Override
        public Completion<Result> submit(Flow flow, Submission submission, Ui ui) {
            calls.add(ui.valueOf("identifier").orElse(""));
            return () -> new Authenticated(proves, ui, id, id);
        }
    }

    private final Method password = new Method("password", 100, true, alice);
    private final Method code = new Method("code", 200, false, alice);
    private final Method passkey = new Method("passkey", 300, false, alice);
    private final LoginHandler handler = new LoginHandler(f.flows, List.of(password, code, passkey), f.sessions, f.events,
            f.config, f.style, f.transactions, f.clock);

    private Flow start() {
        return handler.create(SelfServiceFixtures.TENANT, Flavor.API, false, null, SelfServiceFixtures.BASE + "/self-service/login/api",
                SelfServiceFixtures.BASE, null, null);
    }

    private static Submission json(String body) {
        return Submission.parse("application/json", new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> described(Ui ui) {
        return ui.nodes().stream().map(n -> n.group() + ":" + n.name() + ":" + n.inputType()
                + (n.attributes().containsKey("value") ? "=" + n.attributes().getString("value", "") : "")).toList();
    }

    @Test
    void createWhenPasswordFreeThenOnlyIdentifierAndContinue() {
        Flow flow = start();

        assertEquals(List.of("identifier_first:identifier:text=", "identifier_first:method:submit=identifier_first"),
                described(flow.ui()));
        assertEquals(1070009, flow.ui().nodes().get(1).label().id());
        assertEquals("username webauthn", flow.ui().nodes().get(0).attributes().getString("autocomplete"));
    }

    @Test
    void submitWhenIdentifierGivenThenSecondFormOffersEveryMethodWithoutPasswordAndKeepsIdentifierHidden() {
        Flow flow = start();

        LoginHandler.Result r = handler.submit(flow, json("{\"method\":\"identifier_first\",\"identifier\":\" alice@example.com \"}"));

        assertInstanceOf(LoginHandler.Failed.class, r, "Kratos answers the next form as a 400");
        assertEquals(FlowState.CHOOSE_METHOD, r.flow().state());
        assertEquals(List.of("identifier_first:identifier:hidden=alice@example.com", "code:method:submit=code",
                "passkey:method:submit=passkey"), described(r.flow().ui()));
        assertEquals(r.flow().ui(), f.repository.stored(flow.id()).ui());
        assertEquals(List.of(), f.sessions.issued);
    }

    @Test
    void submitWhenNoMethodNamedThenIdentifierFirstStep() {
        LoginHandler.Result r = handler.submit(start(), json("{\"identifier\":\"alice@example.com\"}"));

        assertTrue(r.flow().ui().hasNode("identifier"));
        assertEquals("hidden", r.flow().ui().nodes().get(0).inputType());
        assertEquals(List.of(), password.calls);
        assertEquals(List.of(), code.calls);
    }

    @Test
    void submitWhenIdentifierEmptyThenFirstFormAgainWithRequiredMessage() {
        LoginHandler.Result r = handler.submit(start(), json("{\"method\":\"identifier_first\",\"identifier\":\"  \"}"));

        assertInstanceOf(LoginHandler.Failed.class, r);
        UiNode identifier = r.flow().ui().nodes().get(0);
        assertEquals("text", identifier.inputType());
        assertEquals(List.of(4000002L), identifier.messages().stream().map(m -> m.id()).toList());
    }

    @Test
    void submitWhenSecondFormNamesCodeThenCodeMethodGetsTheIdentifier() {
        Flow second = handler.submit(start(), json("{\"method\":\"identifier_first\",\"identifier\":\"alice@example.com\"}")).flow();

        LoginHandler.Result r = handler.submit(second, json("{\"method\":\"code\",\"identifier\":\"alice@example.com\"}"));

        assertInstanceOf(LoginHandler.Succeeded.class, r);
        assertEquals(List.of("alice@example.com"), code.calls);
    }

    @Test
    void submitWhenPasswordNamedThenRefusedUnseenByThePasswordMethod() {
        Flow flow = start();

        LoginHandler.Result r = handler.submit(flow,
                json("{\"method\":\"password\",\"identifier\":\"alice@example.com\",\"password\":\"correct horse\"}"));

        assertInstanceOf(LoginHandler.Failed.class, r);
        assertEquals(List.of(), password.calls);
        assertEquals(List.of(), f.sessions.issued);
        assertEquals("The sign-in method password is not available.", r.flow().ui().messages().get(0).text());
    }

    @Test
    void createWhenPasswordFreeAndAMethodNeedsNoIdentifierThenOfferedOnTheFirstFormAndSignsIn() {
        Method discoverable = Method.discoverable("passkey", 300, alice);
        LoginHandler withPasskeys = new LoginHandler(f.flows, List.of(password, code, discoverable), f.sessions, f.events, f.config,
                f.style, f.transactions, f.clock);
        Flow flow = withPasskeys.create(SelfServiceFixtures.TENANT, Flavor.API, false, null, SelfServiceFixtures.BASE,
                SelfServiceFixtures.BASE, null, null);

        assertEquals(List.of("identifier_first:identifier:text=", "identifier_first:method:submit=identifier_first",
                "passkey:method:submit=passkey"), described(flow.ui()));
        LoginHandler.Result r = withPasskeys.submit(flow, json("{\"method\":\"passkey\"}"));

        assertInstanceOf(LoginHandler.Succeeded.class, r);
        assertEquals(List.of(""), discoverable.calls, "no identifier was asked for");
        assertEquals(List.of(), code.calls);
    }

    @Test
    void createWhenNotPasswordFreeThenPasswordOfferedAndNoIdentifierFirst() {
        SelfServiceFixtures plain = new SelfServiceFixtures();
        LoginHandler handler = new LoginHandler(plain.flows, List.of(password, code), plain.sessions, plain.events, plain.config,
                plain.style, plain.transactions, plain.clock);
        Flow flow = handler.create(SelfServiceFixtures.TENANT, Flavor.API, false, null, SelfServiceFixtures.BASE, SelfServiceFixtures.BASE,
                null, null);

        assertEquals(List.of("default:identifier:text=", "password:password:password", "password:method:submit=password",
                "code:method:submit=code"), described(flow.ui()));
        LoginHandler.Result r = handler.submit(flow, json("{\"method\":\"identifier_first\",\"identifier\":\"alice@example.com\"}"));
        assertEquals("The sign-in method identifier_first is not available.", r.flow().ui().messages().get(0).text());
    }
}
