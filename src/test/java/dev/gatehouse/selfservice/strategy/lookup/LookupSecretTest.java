package dev.gatehouse.selfservice.strategy.lookup;

import dev.gatehouse.credential.lookup.RecoveryCodes;
import dev.gatehouse.identity.CredentialType;
import dev.gatehouse.identity.schema.IdentitySchema;
import dev.gatehouse.identity.schema.IdentitySchemaConfig;
import dev.gatehouse.identity.schema.IdentitySchemas;
import dev.gatehouse.kernel.config.MapConfig;
import dev.gatehouse.platform.secrets.TokenHasher;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowError;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.FlowState;
import dev.gatehouse.selfservice.SelfServiceFixtures;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.UiText;
import dev.gatehouse.selfservice.login.LoginHandler;
import dev.gatehouse.selfservice.login.SecondFactorGuard;
import dev.gatehouse.selfservice.settings.SettingsMethod;
import dev.gatehouse.selfservice.strategy.SecondFactorFixtures;
import dev.gatehouse.session.SessionService;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lookup_secret method: its settings steps and its sign-in, over one stored identity. */
class LookupSecretTest {

    private final SelfServiceFixtures f = new SelfServiceFixtures();
    private final IdentitySchema schema = new IdentitySchemas(new IdentitySchemaConfig(MapConfig.of())).defaultSchema();
    private final SecondFactorFixtures.OneIdentity identities =
            new SecondFactorFixtures.OneIdentity(SelfServiceFixtures.identity("alice@example.com", null));
    private final SecondFactorFixtures.Throttle throttle = new SecondFactorFixtures.Throttle();
    private final RecoveryCodes codes = new RecoveryCodes(new TokenHasher() {
        @Override
        public String hash(String token) {
            return "hmac(" + token + ")";
        }
    });
    private final LookupSettings settings = new LookupSettings(identities, codes, f.sessions, f.events, f.clock);
    private final LoginHandler login = new LoginHandler(f.flows,
            List.of(new LookupLogin(identities, codes, new SecondFactorGuard(identities, throttle, f.events, f.transactions), f.clock)),
            f.sessions, f.events, f.config, f.style, f.transactions, f.clock);

    private static Submission json(String body) {
        return Submission.parse("application/json", new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private Flow settingsFlow(Ui ui) {
        Instant at = f.clock.instant();
        return new Flow(UUID.randomUUID(), SelfServiceFixtures.TENANT, FlowKind.SETTINGS, Flavor.API, FlowState.SHOW_FORM,
                SelfServiceFixtures.BASE, null, null, identities.stored.id(), null, false, ui, at, at.plusSeconds(600));
    }

    private Ui fresh() {
        return new Ui(SelfServiceFixtures.BASE + "/self-service/settings?flow=x", "POST", settings.nodes(identities.stored, schema), List.of());
    }

    private SettingsMethod.Result press(Flow flow, String body) {
        SessionService.Authenticated holder = new SessionService.Authenticated(
                f.sessions.issue(identities.stored, "password").session(), identities.stored);
        return settings.submit(flow, json(body), fresh(), schema, holder).complete();
    }

    private static List<String> codesShown(Ui ui) {
        JsonObject text = ui.group("lookup_secret").stream().filter(n -> n.name().equals("lookup_secret_codes")).findFirst()
                .orElseThrow().attributes().getJsonObject("text");
        return UiText.fromJson(text).context().getJsonArray("secrets").getValuesAs(JsonObject.class).stream()
                .map(s -> s.getString("text")).toList();
    }

    /** Regenerates and confirms a set; returns its codes. */
    private List<String> enrolled() {
        SettingsMethod.Shown generated = assertInstanceOf(SettingsMethod.Shown.class,
                press(settingsFlow(fresh()), "{\"lookup_secret_regenerate\":true}"));
        List<String> shown = codesShown(generated.ui());
        assertInstanceOf(SettingsMethod.Saved.class, press(settingsFlow(generated.ui()), "{\"lookup_secret_confirm\":true}"));
        return shown;
    }

    private LoginHandler.Result signIn(String code) {
        SessionService.Issued s = f.sessions.issue(identities.stored, "password");
        Flow flow = login.createRaising(f.sessions.byToken.get(s.token()), Flavor.API, null, SelfServiceFixtures.BASE, SelfServiceFixtures.BASE,
                null, null);
        return login.submit(flow, json("{\"method\":\"lookup_secret\",\"lookup_secret\":\"" + code + "\"}"), Optional.of(s.token()));
    }

    @Test
    void regenerateWhenPressedThenTwelveCodesShownOnceAndNothingStored() {
        assertTrue(settings.claims(json("{\"lookup_secret_regenerate\":true}")));

        SettingsMethod.Shown shown = assertInstanceOf(SettingsMethod.Shown.class,
                press(settingsFlow(fresh()), "{\"lookup_secret_regenerate\":\"true\"}"));

        assertEquals(12, codesShown(shown.ui()).size());
        assertEquals(List.of("lookup_secret_codes", "lookup_secret_confirm"), shown.ui().group("lookup_secret").stream().map(UiNode::name).toList());
        assertTrue(identities.stored.credential(CredentialType.LOOKUP_SECRET).isEmpty());
    }

    @Test
    void confirmWhenCodesWereShownThenStoredAsHashesOnly() {
        List<String> shown = enrolled();

        String config = identities.stored.credential(CredentialType.LOOKUP_SECRET).orElseThrow().config().toString();
        shown.forEach(c -> assertFalse(config.contains("\"" + c + "\""), config));
        assertEquals(List.of("lookup_secret_reveal"), settings.nodes(identities.stored, schema).stream().map(UiNode::name).toList());
        assertEquals(identities.stored.id().value() + " raised by lookup_secret", f.sessions.issued.get(f.sessions.issued.size() - 1),
                "the codes were shown to the session that confirmed them: it has them at aal2");
    }

    @Test
    void confirmWhenNothingGeneratedThenRefused() {
        assertInstanceOf(SettingsMethod.Refused.class, press(settingsFlow(fresh()), "{\"lookup_secret_confirm\":true}"));
    }

    @Test
    void revealWhenCodeUsedThenCodesLeftShown() {
        List<String> shown = enrolled();
        assertInstanceOf(LoginHandler.Succeeded.class, signIn(shown.get(0)));

        SettingsMethod.Shown revealed = assertInstanceOf(SettingsMethod.Shown.class,
                press(settingsFlow(fresh()), "{\"lookup_secret_reveal\":true}"));

        UiNode left = revealed.ui().group("lookup_secret").get(0);
        UiText text = UiText.fromJson(left.attributes().getJsonObject("text"));
        assertEquals(11, text.context().getInt("remaining"));
        assertEquals(List.of("lookup_secret_codes", "lookup_secret_regenerate", "lookup_secret_disable"),
                revealed.ui().group("lookup_secret").stream().map(UiNode::name).toList());
    }

    @Test
    void signInWhenCodeUsedTwiceThenSecondRefusedAsAlreadyUsed() {
        String code = enrolled().get(3);

        LoginHandler.Succeeded ok = assertInstanceOf(LoginHandler.Succeeded.class, signIn(code.toUpperCase()));
        LoginHandler.Failed again = assertInstanceOf(LoginHandler.Failed.class, signIn(code));

        assertEquals("aal2", ok.session().session().aal());
        assertEquals(List.of("password", "lookup_secret"), ok.session().session().methods().stream().map(m -> m.method()).toList());
        UiNode field = again.flow().ui().nodes().stream().filter(n -> n.name().equals("lookup_secret")).findFirst().orElseThrow();
        assertEquals(4000012, field.messages().get(0).id());
    }

    @Test
    void regenerateAndConfirmWhenOldSetExistedThenOldCodesInvalid() {
        String old = enrolled().get(0);
        enrolled();

        LoginHandler.Failed refused = assertInstanceOf(LoginHandler.Failed.class, signIn(old));

        UiNode field = refused.flow().ui().nodes().stream().filter(n -> n.name().equals("lookup_secret")).findFirst().orElseThrow();
        assertEquals(4000016, field.messages().get(0).id());
    }

    @Test
    void signInWhenFiveWrongCodesThenLockedForRightCodeToo() {
        String right = enrolled().get(0);
        for (int i = 0; i < 5; i++) {
            assertInstanceOf(LoginHandler.Failed.class, signIn("zzzzzzz" + i));
        }

        assertInstanceOf(LoginHandler.Failed.class, signIn(right));
    }

    @Test
    void disableWhenCodesSetThenRemoved() {
        enrolled();

        assertInstanceOf(SettingsMethod.Saved.class, press(settingsFlow(fresh()), "{\"lookup_secret_disable\":true}"));

        assertTrue(identities.stored.credential(CredentialType.LOOKUP_SECRET).isEmpty());
    }

    @Test
    void anyStepWhenSessionNotPrivilegedThenRefreshRequired() {
        f.sessions.privileged = false;

        FlowError e = assertThrows(FlowError.class, () -> press(settingsFlow(fresh()), "{\"lookup_secret_regenerate\":true}"));

        assertEquals(FlowError.Kind.REFRESH_REQUIRED, e.kind());
    }
}
