package dev.gatehouse.identity;

import dev.gatehouse.credential.password.PasswordHasher;
import dev.gatehouse.kernel.Ids;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.demo.DemoSeeding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Optional;

/**
 * The demo identity, {@code demo@example.com} in the default tenant. Its password is new on every demo
 * start (and printed), so no well-known password exists even for the demo. It holds the role {@code admin} in
 * {@code metadata_public}, which the gateway demo's admin-only rule asks for, and the admin console role in
 * {@code metadata_admin} ({@code console_role: admin}), so the demo user can sign in to the console.
 */
@ApplicationScoped
public class IdentityDemoSeed {

    static final String EMAIL = "demo@example.com";
    /** So the gateway demo's admin-only rule ({@code /demo/api/admin}) lets the demo user in. */
    private static final JsonValue DEMO_ROLES = JsonP.createObjectBuilder()
            .add("roles", JsonP.createArrayBuilder().add("admin")).build();

    /** The key and value the console reads its role from (only the admin API writes admin metadata). */
    private static final String CONSOLE_ROLE = "console_role";
    private static final JsonObject CONSOLE_ADMIN = JsonP.createObjectBuilder().add(CONSOLE_ROLE, "admin").build();

    @Inject
    IdentityService identities;
    @Inject
    PasswordHasher hasher;

    public void seed(@Observes DemoSeeding seeding) {
        String password = "demo-" + Ids.token(12);
        Optional<Identity> existing = identities.findByIdentifier(TenantId.DEFAULT, EMAIL);
        if (existing.isPresent() && existing.get().credential(CredentialType.PASSWORD).isPresent()) {
            identities.replacePasswordHash(existing.get(), hasher.hash(password));
            withConsoleRole(existing.get());
        } else if (existing.isEmpty()) {
            identities.create(TenantId.DEFAULT, new IdentityDraft(Optional.empty(),
                    JsonP.createObjectBuilder().add("email", EMAIL)
                            .add("name", JsonP.createObjectBuilder().add("first", "Demo").add("last", "User")).build(),
                    Optional.empty(), DEMO_ROLES, CONSOLE_ADMIN,
                    Optional.of(new IdentityDraft.PlainPassword(password)),
                    List.of(new IdentityDraft.ImportedAddress("email", EMAIL, true, VerifiableAddress.Status.COMPLETED))), "demo");
        } else {
            seeding.seeded("demo identity " + EMAIL + ": present but has no password; left as it is");
            return;
        }
        seeding.seeded("demo identity " + EMAIL + " with password " + password
                + " — sign in at http://localhost:9080/self-service/login/browser; it is a console admin: "
                + "http://localhost:9080/ui/console/identities.xhtml");
    }

    /** A demo identity seeded before the console existed gets its console role. */
    private void withConsoleRole(Identity identity) {
        if (identity.metadataAdmin() instanceof JsonObject m && m.containsKey(CONSOLE_ROLE)) {
            return;
        }
        JsonObject metadata = JsonP.createObjectBuilder(identity.metadataAdmin() instanceof JsonObject m ? m : JsonValue.EMPTY_JSON_OBJECT)
                .add(CONSOLE_ROLE, "admin").build();
        identities.replace(TenantId.DEFAULT, identity.id().toString(), new IdentityDraft(Optional.of(identity.schemaId()),
                identity.traits(), Optional.of(identity.state()), identity.metadataPublic(), metadata, Optional.empty(), List.of()), "demo");
    }
}
