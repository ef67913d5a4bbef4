package dev.gatehouse.identity.adapter;

import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityId;
import dev.gatehouse.identity.IdentityRepository;
import dev.gatehouse.identity.VerifiableAddress;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.oauth2.port.SubjectClaims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/** The token server's {@link SubjectClaims}: a subject that is an identity id, read from the identity repository. */
@ApplicationScoped
public class IdentitySubjectClaims implements SubjectClaims {

    private IdentityRepository identities;

    protected IdentitySubjectClaims() {
    }

    @Inject
    public IdentitySubjectClaims(IdentityRepository identities) {
        this.identities = identities;
    }

    @Override
    public Optional<Subject> find(TenantId tenant, String subject) {
        return IdentityId.parse(subject).flatMap(id -> identities.find(tenant, id)).map(IdentitySubjectClaims::subject);
    }

    private static Subject subject(Identity identity) {
        return new Subject(identity.traits(), identity.metadataPublic(), identity.verifiableAddresses().stream()
                .filter(VerifiableAddress::verified).map(VerifiableAddress::value).toList());
    }
}
