package dev.gatehouse.selfservice.strategy.password;

import dev.gatehouse.credential.password.PasswordConfigs;
import dev.gatehouse.credential.password.PasswordPolicy;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityDraft;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.identity.schema.IdentitySchema;
import dev.gatehouse.identity.schema.IdentitySchemaConfig;
import dev.gatehouse.identity.schema.IdentitySchemas;
import dev.gatehouse.kernel.config.MapConfig;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.selfservice.Completion;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowError;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.FlowState;
import dev.gatehouse.selfservice.SelfServiceFixtures;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.settings.SettingsMethod;
import dev.gatehouse.session.SessionService;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PasswordSettingsTest {

    private final SelfServiceFixtures f = new SelfServiceFixtures();
    private final IdentitySchema schema = new IdentitySchemas(new IdentitySchemaConfig(MapConfig.of())).defaultSchema();
    private final Identity alice = SelfServiceFixtures.identity("alice@example.com", null);
    private final SessionService.Authenticated holder = new SessionService.Authenticated(f.sessions.issue(alice, "password").session(), alice);
    private final List<IdentityDraft> replaced = new ArrayList<>();
    private final IdentityService identities = new IdentityService() {
        @Override
        public Identity replace(TenantId tenant, String id, IdentityDraft draft, String actor) {
            replaced.add(draft);
            return alice;
        }
    };
    private final PasswordSettings method = new PasswordSettings(identities, new PasswordPolicy(PasswordConfigs.fast()), f.sessions,
            f.style, f.events);

    private Completion<SettingsMethod.Result> submit(String body) {
        return submit(holder, body);
    }

    private Completion<SettingsMethod.Result> submit(SessionService.Authenticated holder, String body) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        Flow flow = new Flow(UUID.randomUUID(), SelfServiceFixtures.TENANT, FlowKind.SETTINGS, Flavor.API, FlowState.SHOW_FORM,
                SelfServiceFixtures.BASE, null, null, holder.identity().id(), holder.session().id(), false,
                new Ui(SelfServiceFixtures.BASE + "/self-service/settings?flow=x", "POST", List.of(), List.of()), at, at.plusSeconds(600));
        return method.submit(flow, Submission.parse("application/json", new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))),
                flow.ui(), schema, holder);
    }

    @Test
    void nodesWhenTenantIsPasswordFreeThenNoPasswordFormAndSubmissionRefusedUnstored() {
        SelfServiceFixtures free = new SelfServiceFixtures("gatehouse.selfservice.login.password-free", "true");
        PasswordSettings passwordFree = new PasswordSettings(identities, new PasswordPolicy(PasswordConfigs.fast()), free.sessions, free.style,
                free.events);
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        Flow flow = new Flow(UUID.randomUUID(), SelfServiceFixtures.TENANT, FlowKind.SETTINGS, Flavor.API, FlowState.SHOW_FORM,
                SelfServiceFixtures.BASE, null, null, alice.id(), holder.session().id(), false,
                new Ui(SelfServiceFixtures.BASE + "/self-service/settings?flow=x", "POST", List.of(), List.of()), at, at.plusSeconds(600));

        SettingsMethod.Result r = passwordFree.submit(flow, Submission.parse("application/json", new ByteArrayInputStream(
                "{\"method\":\"password\",\"password\":\"a long and unusual passphrase 42\"}".getBytes(StandardCharsets.UTF_8))),
                flow.ui(), schema, holder).complete();

        assertEquals(List.of(), passwordFree.nodes(alice, schema));
        SettingsMethod.Refused refused = assertInstanceOf(SettingsMethod.Refused.class, r);
        assertEquals("The settings method password is not available.", refused.ui().messages().get(0).text());
        assertEquals(List.of(), replaced);
        assertEquals(2, method.nodes(alice, schema).size(), "other tenants keep the form");
    }

    @Test
    void submitWhenSessionNotPrivilegedThenRefreshRequiredAndNothingStored() {
        f.sessions.privileged = false;

        FlowError e = assertThrows(FlowError.class, () -> submit("{\"password\":\"a long and unusual passphrase 42\"}"));

        assertEquals(FlowError.Kind.REFRESH_REQUIRED, e.kind());
        assertEquals(List.of(), replaced);
    }

    @Test
    void submitWhenPasswordBreaksPolicyThenRefused() {
        assertInstanceOf(SettingsMethod.Refused.class, submit("{\"password\":\"alice@example.com\"}").complete());
        assertEquals(List.of(), replaced);
    }

    @Test
    void submitWhenGoodPasswordThenStoredBeforeTheCompletion() {
        Completion<SettingsMethod.Result> completion = submit("{\"password\":\"a long and unusual passphrase 42\"}");

        assertEquals(1, replaced.size());
        assertInstanceOf(SettingsMethod.Saved.class, completion.complete());
    }

    @Test
    void submitWhenFirstPasswordOfAnIdentityWithoutOneThenEnrolledEvent() {
        submit("{\"password\":\"a long and unusual passphrase 42\"}").complete();

        SecurityEvent enrolled = f.events.fired.stream().filter(e -> e.type() == SecurityEventType.CREDENTIAL_ENROLLED)
                .findFirst().orElseThrow();
        assertEquals(Map.of("method", "password"), enrolled.details());
        assertEquals(alice.id().toString(), enrolled.subject());
    }

    @Test
    void submitWhenPasswordChangedThenNoEnrolledEvent() {
        Identity bob = SelfServiceFixtures.identity("bob@example.com", "$argon2id$stub");
        SessionService.Authenticated bobs = new SessionService.Authenticated(f.sessions.issue(bob, "password").session(), bob);

        submit(bobs, "{\"password\":\"a long and unusual passphrase 42\"}").complete();

        assertEquals(1, replaced.size());
        assertEquals(List.of(), f.events.types());
    }
}
