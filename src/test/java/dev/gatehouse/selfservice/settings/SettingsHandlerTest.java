package dev.gatehouse.selfservice.settings;

import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.schema.IdentitySchema;
import dev.gatehouse.identity.schema.IdentitySchemaConfig;
import dev.gatehouse.identity.schema.IdentitySchemas;
import dev.gatehouse.kernel.config.MapConfig;
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
import dev.gatehouse.session.SessionService;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SettingsHandlerTest {

    private final SelfServiceFixtures f = new SelfServiceFixtures();
    private final IdentitySchemas schemas = new IdentitySchemas(new IdentitySchemaConfig(MapConfig.of()));
    private final Identity alice = SelfServiceFixtures.identity("alice@example.com", null);
    private final SessionService.Authenticated holder = new SessionService.Authenticated(f.sessions.issue(alice, "password").session(), alice);

    private record FakeMethod(String id, int order, Function<Ui, Result> answer) implements SettingsMethod {
        @Override
        public List<UiNode> nodes(Identity identity, IdentitySchema schema) {
            return List.of(UiNode.input(id, "method", "submit", Json.createValue(id), false, null, Texts.save()));
        }

        @Override
        public Completion<Result> submit(Flow flow, Submission submission, Ui ui, IdentitySchema schema,
                                         SessionService.Authenticated holder) {
            return () -> answer.apply(ui);
        }

        /** A submission without a method is this method's when it presses "<id>_button". */
        @Override
        public boolean claims(Submission submission) {
            return submission.field(id + "_button").isPresent();
        }
    }

    private SettingsHandler handler(SettingsMethod... methods) {
        return new SettingsHandler(f.flows, List.of(methods), schemas, f.events, f.config, f.transactions, f.clock);
    }

    private Flow start(SettingsHandler handler) {
        return handler.create(holder.session(), alice, Flavor.API, null, SelfServiceFixtures.BASE + "/self-service/settings/api",
                SelfServiceFixtures.BASE, null, null);
    }

    private static Submission json(String body) {
        return Submission.parse("application/json", new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static FakeMethod saving(String id, int order) {
        return new FakeMethod(id, order, SettingsMethod.Saved::new);
    }

    @Test
    void createWhenMethodsThenShowFormWithTheirPartsInOrder() {
        Flow flow = start(handler(saving("password", 200), saving("profile", 100)));

        assertEquals(FlowState.SHOW_FORM, flow.state());
        assertEquals(List.of("profile", "password"), flow.ui().nodes().stream().map(UiNode::group).toList());
    }

    @Test
    void submitWhenFlowOfAnotherIdentityThenNotFound() {
        SettingsHandler handler = handler(saving("profile", 100));
        Flow flow = start(handler);
        Identity bob = SelfServiceFixtures.identity("bob@example.com", null);
        SessionService.Authenticated other = new SessionService.Authenticated(f.sessions.issue(bob, "password").session(), bob);

        FlowError e = assertThrows(FlowError.class, () -> handler.submit(flow, json("{\"method\":\"profile\"}"), other));

        assertEquals(FlowError.Kind.NOT_FOUND, e.kind());
    }

    @Test
    void submitWhenNoMethodNamedThenShowFormWithChooseMessage() {
        SettingsHandler handler = handler(saving("profile", 100));

        Flow result = handler.submit(start(handler), json("{}"), holder);

        assertEquals(FlowState.SHOW_FORM, result.state());
        assertEquals("Choose what to change: profile or password.", result.ui().messages().get(0).text());
        assertEquals(List.of(), f.events.types());
    }

    @Test
    void submitWhenSavedThenSuccessWithSavedMessageAndEventNamingTheMethod() {
        SettingsHandler handler = handler(saving("profile", 100));
        Flow flow = start(handler);

        Flow result = handler.submit(flow, json("{\"method\":\"profile\"}"), holder);

        assertEquals(FlowState.SUCCESS, f.repository.stored(flow.id()).state());
        assertEquals(Texts.settingsSaved().id(), result.ui().messages().get(0).id());
        assertEquals(List.of(SecurityEventType.SETTINGS_CHANGED), f.events.types());
        assertEquals("profile", f.events.fired.get(0).details().get("method"));
    }

    @Test
    void submitWhenRefusedAfterASaveThenBackToShowForm() {
        SettingsHandler handler = handler(saving("profile", 100),
                new FakeMethod("password", 200, ui -> new SettingsMethod.Refused(ui.withMessage(Texts.generic("no")))));
        Flow saved = handler.submit(start(handler), json("{\"method\":\"profile\"}"), holder);

        Flow refused = handler.submit(saved, json("{\"method\":\"password\"}"), holder);

        assertEquals(FlowState.SHOW_FORM, refused.state());
        assertEquals("no", refused.ui().messages().get(0).text());
    }

    @Test
    void answerWhenNoMethodNamedButOneClaimsTheButtonThenThatMethod() {
        SettingsHandler handler = handler(saving("profile", 100),
                new FakeMethod("codes", 500, ui -> new SettingsMethod.Shown(ui.withMessage(Texts.save()))));

        SettingsHandler.Answer answer = handler.answer(start(handler), json("{\"codes_button\":true}"), holder);

        assertEquals(true, answer.accepted());
        assertEquals(FlowState.SHOW_FORM, answer.flow().state());
        assertEquals(1070003, answer.flow().ui().messages().get(0).id());
        assertEquals(List.of(), f.events.fired.stream().filter(e -> e.type() == dev.gatehouse.kernel.event.SecurityEventType.SETTINGS_CHANGED).toList());
    }
}
