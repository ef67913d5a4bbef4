package dev.gatehouse.selfservice.recovery;

import dev.gatehouse.courier.MessageTemplate;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.schema.IdentitySchemaConfig;
import dev.gatehouse.identity.schema.IdentitySchemas;
import dev.gatehouse.kernel.config.MapConfig;
import dev.gatehouse.kernel.config.ShippedConfig;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.selfservice.AddressProof;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.FlowState;
import dev.gatehouse.selfservice.SelfServiceFixtures;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.code.CodeFixtures;
import dev.gatehouse.selfservice.code.CodeStep;
import dev.gatehouse.selfservice.settings.SettingsHandler;
import dev.gatehouse.selfservice.strategy.code.CodeRecovery;
import dev.gatehouse.selfservice.strategy.link.LinkRecovery;
import dev.gatehouse.session.SessionConfig;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecoveryHandlerTest {

    private static final String EMAIL = "alice@example.com";

    /** A recovery handler with both methods, offering {@code use}, and Alice with a recovery address. */
    private static final class Setup {
        final SelfServiceFixtures f;
        final CodeFixtures c;
        final RecoveryHandler handler;
        final Identity alice;

        Setup(String use) {
            f = new SelfServiceFixtures("gatehouse.selfservice.recovery.use", use);
            c = new CodeFixtures(f);
            alice = c.identities.add(SelfServiceFixtures.withAddress(EMAIL));
            RecoveryMails mails = new RecoveryMails(c.codes, c.identities, c.steps, f.events, f.config);
            SettingsHandler settings = new SettingsHandler(f.flows, List.of(),
                    new IdentitySchemas(new IdentitySchemaConfig(MapConfig.of())), f.events, f.config, f.transactions, f.clock);
            handler = new RecoveryHandler(c.steps, c.codes, f.flows, List.of(new LinkRecovery(c.codes, c.mails, mails),
                    new CodeRecovery(c.codes, c.mails, mails)), f.sessions, new SessionConfig(ShippedConfig.with()), settings,
                    f.config, f.events, f.transactions, f.clock);
        }

        Flow start(Flavor flavor) {
            return handler.create(SelfServiceFixtures.TENANT, flavor, null, SelfServiceFixtures.BASE + "/self-service/recovery/api",
                    SelfServiceFixtures.BASE, flavor == Flavor.BROWSER ? "csrf-secret" : null,
                    flavor == Flavor.BROWSER ? "csrf-hash" : null);
        }
    }

    private final Setup s = new Setup("code");
    private final SelfServiceFixtures f = s.f;
    private final CodeFixtures c = s.c;
    private final RecoveryHandler handler = s.handler;
    private final Identity alice = s.alice;

    private Flow start(Flavor flavor) {
        return s.start(flavor);
    }

    private static Submission json(String body) {
        return Submission.parse("application/json", new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void submitWhenRightCodeThenSignedInWithSettingsFlowAndFlowPassed() {
        Flow sent = handler.submit(start(Flavor.API), json("{\"email\":\"" + EMAIL + "\"}")).flow();
        assertEquals(MessageTemplate.RECOVERY_CODE_VALID, c.mails.last().template());

        CodeStep done = handler.submit(sent, json("{\"code\":\"" + c.mails.last().model().get("code") + "\"}"));

        assertTrue(done.accepted());
        assertEquals(alice, done.identity());
        assertEquals(FlowKind.SETTINGS, done.next().kind());
        assertEquals(FlowState.PASSED_CHALLENGE, f.repository.stored(sent.id()).state());
        assertEquals(alice.id().value() + " code_recovery", f.sessions.issued.get(0));
        assertEquals(SecurityEventType.RECOVERY_SUCCEEDED, f.events.fired.get(f.events.fired.size() - 1).type());
        assertEquals("code", f.events.fired.get(f.events.fired.size() - 1).details().get("method"));
    }

    @Test
    void submitWhenWrongCodeThenRefusedAndNobodySignedIn() {
        Flow sent = handler.submit(start(Flavor.API), json("{\"email\":\"" + EMAIL + "\"}")).flow();

        CodeStep refused = handler.submit(sent, json("{\"code\":\"000000\"}"));

        assertFalse(refused.accepted());
        assertNull(refused.session());
        assertEquals(FlowState.SENT_EMAIL, refused.flow().state());
        assertEquals(SecurityEventType.RECOVERY_FAILED, f.events.fired.get(f.events.fired.size() - 1).type());
    }

    @Test
    void submitWhenUnknownAddressThenSameAnswerAndNothingMailed() {
        CodeStep unknown = handler.submit(start(Flavor.API), json("{\"email\":\"nobody@example.com\"}"));

        assertTrue(unknown.accepted());
        assertEquals(FlowState.SENT_EMAIL, unknown.flow().state());
        assertEquals(List.of(), c.mails.sent);
    }

    @Test
    void byLinkWhenLinkMethodThenBrowserSignedInAsLinkRecovery() {
        Setup link = new Setup("link");
        Flow sent = link.handler.submit(link.start(Flavor.BROWSER), json("{\"email\":\"" + EMAIL + "\"}")).flow();
        String url = link.c.mails.last().model().get("link");

        CodeStep done = link.handler.byLink(sent, url.substring(url.indexOf("&token=") + 7),
                new RecoveryHandler.Browser("other-secret", "other-hash"));

        assertTrue(done.accepted());
        assertEquals("other-hash", done.next().csrfHash());
        assertEquals(link.alice.id().value() + " link_recovery", link.f.sessions.issued.get(0));
    }

    @Test
    void createByAdminWhenCodeThenWaitingFlowWithoutBrowserAndCodeHandedOut() {
        RecoveryHandler.AdminCode created = handler.createByAdmin(alice, AddressProof.CODE, Duration.ofHours(1),
                SelfServiceFixtures.BASE, "admin");

        assertEquals(FlowState.SENT_EMAIL, f.repository.stored(created.flow().id()).state());
        assertNull(created.flow().csrfHash());
        assertEquals(6, created.code().code().length());
        assertEquals(List.of(), c.mails.sent);
    }
}
