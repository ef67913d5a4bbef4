package dev.gatehouse.selfservice.strategy.totp;

import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.credential.totp.Totp;
import dev.gatehouse.credential.totp.TotpSecret;
import dev.gatehouse.identity.CredentialType;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.schema.IdentitySchema;
import dev.gatehouse.identity.schema.IdentitySchemaConfig;
import dev.gatehouse.identity.schema.IdentitySchemas;
import dev.gatehouse.kernel.RequestContext;
import dev.gatehouse.kernel.config.MapConfig;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowError;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.FlowState;
import dev.gatehouse.selfservice.SelfServiceFixtures;
import dev.gatehouse.selfservice.strategy.SecondFactorFixtures;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.UiText;
import dev.gatehouse.selfservice.settings.SettingsMethod;
import dev.gatehouse.session.SessionService;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TotpSettingsTest {

    private final SelfServiceFixtures f = new SelfServiceFixtures();
    private final IdentitySchema schema = new IdentitySchemas(new IdentitySchemaConfig(MapConfig.of())).defaultSchema();
    private final SecondFactorFixtures.OneIdentity identities = new SecondFactorFixtures.OneIdentity(SelfServiceFixtures.identity("alice@example.com", null));
    private final RequestContext request = new RequestContext();
    private final TotpSettings method = new TotpSettings(identities, f.sessions, f.config, request, f.events, f.clock);

    TotpSettingsTest() {
        request.asked("id.example:8443", "https");
    }

    private SessionService.Authenticated holder() {
        return new SessionService.Authenticated(f.sessions.issue(identities.stored, "password").session(), identities.stored);
    }

    private Flow flowShowing(List<UiNode> nodes) {
        Instant at = f.clock.instant();
        return new Flow(UUID.randomUUID(), SelfServiceFixtures.TENANT, FlowKind.SETTINGS, Flavor.API, FlowState.SHOW_FORM,
                SelfServiceFixtures.BASE, null, null, identities.stored.id(), null, false,
                new Ui(SelfServiceFixtures.BASE + "/self-service/settings?flow=x", "POST", nodes, List.of()), at, at.plusSeconds(600));
    }

    private SettingsMethod.Result submit(Flow flow, String body) {
        Identity now = identities.stored;
        Ui fresh = new Ui(flow.ui().action(), "POST", method.nodes(now, schema), List.of());
        return method.submit(flow, Submission.parse("application/json", new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))),
                fresh, schema, holder()).complete();
    }

    private static String secretShown(List<UiNode> nodes) {
        JsonObject text = nodes.stream().filter(n -> n.name().equals("totp_secret_key")).findFirst().orElseThrow()
                .attributes().getJsonObject("text");
        return UiText.fromJson(text).context().getString("secret");
    }

    private String codeFor(String base32, Instant at) {
        return new Totp().code(TotpSecret.parse(base32), Totp.step(at));
    }

    @Test
    void nodesWhenNoAuthenticatorThenKratosEnrolmentNodes() {
        List<UiNode> nodes = method.nodes(identities.stored, schema);

        assertEquals(List.of("totp_qr", "totp_secret_key", "totp_code", "method"), nodes.stream().map(UiNode::name).toList());
        JsonObject qr = nodes.get(0).toJson();
        assertEquals("img", qr.getString("type"));
        assertTrue(qr.getJsonObject("attributes").getString("src").startsWith("data:image/svg+xml"));
        assertEquals(256, qr.getJsonObject("attributes").getInt("width"));
        assertEquals(1050005, qr.getJsonObject("meta").getJsonObject("label").getInt("id"));
        JsonObject secret = nodes.get(1).toJson();
        assertEquals("text", secret.getString("type"));
        assertEquals(1050006, secret.getJsonObject("attributes").getJsonObject("text").getInt("id"));
        assertEquals(32, secretShown(nodes).length());
        assertEquals("totp", nodes.get(3).attributes().getString("value"));
    }

    @Test
    void submitWhenRightCodeForShownSecretThenStoredAndUnlinkShown() {
        Flow flow = flowShowing(method.nodes(identities.stored, schema));
        String secret = secretShown(flow.ui().nodes());

        SettingsMethod.Saved saved = assertInstanceOf(SettingsMethod.Saved.class,
                submit(flow, "{\"method\":\"totp\",\"totp_code\":\"" + codeFor(secret, f.clock.instant()) + "\"}"));

        JsonObject config = identities.stored.credential(CredentialType.TOTP).orElseThrow().config();
        assertTrue(config.getString("totp_url").startsWith("otpauth://totp/id.example:alice%40example.com?secret=" + secret));
        assertEquals(Totp.step(f.clock.instant()), config.getJsonNumber("last_used_step").longValue());
        assertEquals(List.of("totp_unlink"), saved.ui().group("totp").stream().map(UiNode::name).toList());
        assertEquals(identities.stored.id().value() + " raised by totp", f.sessions.issued.get(f.sessions.issued.size() - 1),
                "the right code proved the app: the session that set it up has it at aal2");
        assertEquals(List.of(SecurityEventType.CREDENTIAL_ENROLLED), f.events.types());
        assertEquals("totp", f.events.fired.get(0).details().get("method"));
    }

    @Test
    void submitWhenWrongCodeThenRefusedShowingTheSameSecret() {
        Flow flow = flowShowing(method.nodes(identities.stored, schema));
        String secret = secretShown(flow.ui().nodes());
        String wrong = codeFor(secret, f.clock.instant()).equals("000000") ? "111111" : "000000";

        SettingsMethod.Refused refused = assertInstanceOf(SettingsMethod.Refused.class,
                submit(flow, "{\"method\":\"totp\",\"totp_code\":\"" + wrong + "\"}"));

        assertEquals(secret, secretShown(refused.ui().nodes()));
        UiNode code = refused.ui().nodes().stream().filter(n -> n.name().equals("totp_code")).findFirst().orElseThrow();
        assertEquals(4000008, code.messages().get(0).id());
        assertTrue(identities.stored.credential(CredentialType.TOTP).isEmpty());
    }

    @Test
    void submitWhenUnlinkThenCredentialRemovedAndEnrolmentShownAgain() {
        Flow flow = flowShowing(method.nodes(identities.stored, schema));
        submit(flow, "{\"method\":\"totp\",\"totp_code\":\"" + codeFor(secretShown(flow.ui().nodes()), f.clock.instant()) + "\"}");

        SettingsMethod.Saved saved = assertInstanceOf(SettingsMethod.Saved.class,
                submit(flowShowing(method.nodes(identities.stored, schema)), "{\"method\":\"totp\",\"totp_unlink\":\"true\"}"));

        assertTrue(identities.stored.credential(CredentialType.TOTP).isEmpty());
        assertEquals("totp_qr", saved.ui().group("totp").get(0).name());
        assertEquals(List.of(SecurityEventType.CREDENTIAL_ENROLLED, SecurityEventType.CREDENTIAL_REMOVED), f.events.types());
        assertEquals("totp", f.events.fired.get(1).details().get("method"));
    }

    @Test
    void submitWhenSessionNotPrivilegedThenRefreshRequired() {
        f.sessions.privileged = false;
        Flow flow = flowShowing(method.nodes(identities.stored, schema));

        FlowError e = assertThrows(FlowError.class, () -> submit(flow, "{\"method\":\"totp\",\"totp_code\":\"123456\"}"));

        assertEquals(FlowError.Kind.REFRESH_REQUIRED, e.kind());
    }
}
