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
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.FlowState;
import dev.gatehouse.selfservice.SelfServiceFixtures;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.registration.Registrar;
import dev.gatehouse.selfservice.registration.RegistrationMethod;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordRegistrationTest {

    private final IdentitySchema schema = new IdentitySchemas(new IdentitySchemaConfig(MapConfig.of())).defaultSchema();
    private final List<IdentityDraft> created = new ArrayList<>();
    private boolean taken;
    private final IdentityService identities = new IdentityService() {
        @Override
        public Identity create(TenantId tenant, IdentityDraft draft, String actor) {
            if (taken) {
                throw ApiException.conflict("taken");
            }
            created.add(draft);
            return SelfServiceFixtures.identity(draft.traits().getString("email"), null);
        }
    };
    private final PasswordRegistration method = new PasswordRegistration(new PasswordPolicy(PasswordConfigs.fast()), new Registrar(identities));

    private static Flow flow() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        return new Flow(UUID.randomUUID(), SelfServiceFixtures.TENANT, FlowKind.REGISTRATION, Flavor.API, FlowState.CHOOSE_METHOD,
                SelfServiceFixtures.BASE, null, null, null, null, false,
                new Ui(SelfServiceFixtures.BASE + "/self-service/registration?flow=x", "POST", List.of(), List.of()), at, at.plusSeconds(600));
    }

    private RegistrationMethod.Result submit(String body) {
        Submission submission = Submission.parse("application/json", new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        Flow flow = flow();
        return method.submit(flow, submission, flow.ui(), schema).complete();
    }

    @Test
    void submitWhenValidTraitsAndPasswordThenIdentityCreatedWithThePlainPassword() {
        RegistrationMethod.Registered r = assertInstanceOf(RegistrationMethod.Registered.class,
                submit("{\"traits\":{\"email\":\"alice@example.com\"},\"password\":\"a long and unusual passphrase 42\"}"));

        assertEquals("password", r.method());
        assertEquals(1, created.size());
        assertInstanceOf(IdentityDraft.PlainPassword.class, created.get(0).password().orElseThrow());
    }

    @Test
    void submitWhenPasswordMissingThenRequiredAndNothingCreated() {
        RegistrationMethod.Answered r = assertInstanceOf(RegistrationMethod.Answered.class,
                submit("{\"traits\":{\"email\":\"alice@example.com\"}}"));

        assertEquals(false, r.accepted());
        assertEquals(List.of(), created);
    }

    @Test
    void submitWhenPasswordIsTheIdentifierThenPolicyRefusesIt() {
        RegistrationMethod.Answered r = assertInstanceOf(RegistrationMethod.Answered.class,
                submit("{\"traits\":{\"email\":\"alice@example.com\"},\"password\":\"alice@example.com\"}"));

        assertEquals(false, r.accepted());
        assertEquals(List.of(), created);
    }

    @Test
    void submitWhenIdentifierTakenThenDuplicateMessageOnTheForm() {
        taken = true;

        RegistrationMethod.Answered r = assertInstanceOf(RegistrationMethod.Answered.class,
                submit("{\"traits\":{\"email\":\"alice@example.com\"},\"password\":\"a long and unusual passphrase 42\"}"));

        assertTrue(r.flow().ui().messages().stream().anyMatch(m -> m.id() == Texts.duplicateCredentials().id()));
    }
}
