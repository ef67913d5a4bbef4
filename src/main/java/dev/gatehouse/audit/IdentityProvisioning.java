package dev.gatehouse.audit;


import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityId;
import dev.gatehouse.identity.IdentityRepository;
import dev.gatehouse.identity.VerifiableAddress;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How an identity came to be, for {@code include=identity}: when it was created, how (self-service registration
 * and its method, or created through the admin API, by whom), and its verifiable addresses with when each was
 * verified. How is read from the audit log itself (the identity's first {@code registration} or
 * {@code identity_created} row); once retention pruned that row it is {@code unknown}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class IdentityProvisioning {

    private IdentityRepository identities;
    private AuditLog store;

    protected IdentityProvisioning() {
    }

    @Inject
    public IdentityProvisioning(IdentityRepository identities, AuditLog store) {
        this.identities = identities;
        this.store = store;
    }

    /** The identity's provisioning, or empty when it does not exist (any more) in this tenant. */
    public Optional<JsonObject> of(TenantId tenant, String identityId) {
        Optional<Identity> found = IdentityId.parse(identityId).flatMap(id -> identities.find(tenant, id));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Identity identity = found.get();
        JsonObjectBuilder b = JsonP.createObjectBuilder().add("id", identityId).add("state", identity.state().name()
                .toLowerCase(java.util.Locale.ROOT));
        if (identity.createdAt() != null) {
            b.add("created_at", identity.createdAt().toString());
        }
        b.add("provisioned", how(tenant, identityId));
        var addresses = JsonP.createArrayBuilder();
        for (VerifiableAddress a : identity.verifiableAddresses()) {
            JsonObjectBuilder ab = JsonP.createObjectBuilder().add("via", a.via()).add("value", a.value())
                    .add("verified", a.verified()).add("status", a.status().wire());
            if (a.verifiedAt() != null) {
                ab.add("verified_at", a.verifiedAt().toString());
            }
            addresses.add(ab);
        }
        return Optional.of(b.add("verifiable_addresses", addresses).build());
    }

    private JsonObject how(TenantId tenant, String identityId) {
        Optional<AuditRow> registered = store.firstAbout(tenant.value(), identityId, List.of("registration"));
        if (registered.isPresent()) {
            Map<String, String> details = AuditEntry.parseCanonical(registered.get().entry().details());
            JsonObjectBuilder b = JsonP.createObjectBuilder().add("how", "registration")
                    .add("at", registered.get().entry().occurredAt().toString());
            Optional.ofNullable(details.get("method")).ifPresent(m -> b.add("method", m));
            return b.build();
        }
        Optional<AuditRow> created = store.firstAbout(tenant.value(), identityId, List.of("identity_created"));
        if (created.isPresent()) {
            AuditEntry e = created.get().entry();
            JsonObjectBuilder b = JsonP.createObjectBuilder().add("how", "admin")
                    .add("at", e.occurredAt().toString()).add("actor_type", e.actorType().wire());
            Optional.ofNullable(e.actorId()).ifPresent(a -> b.add("actor_id", a));
            return b.build();
        }
        return JsonP.createObjectBuilder().add("how", "unknown").build();
    }
}
