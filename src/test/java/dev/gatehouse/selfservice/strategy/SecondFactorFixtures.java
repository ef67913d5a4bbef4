package dev.gatehouse.selfservice.strategy;

import dev.gatehouse.identity.Credential;
import dev.gatehouse.identity.CredentialType;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.platform.throttle.FailureCounts;
import dev.gatehouse.selfservice.login.LoginThrottle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** For second-factor method tests: one stored identity whose credentials second factors change, and a second-factor throttle that locks after five reserved attempts. */
public final class SecondFactorFixtures {

    private SecondFactorFixtures() {
    }

    /** The identity as stored; a change based on an older version is a conflict, as in the real service. */
    public static final class OneIdentity extends IdentityService {
        public Identity stored;

        public OneIdentity(Identity stored) {
            this.stored = stored;
        }

        @Override
        public Optional<Identity> find(TenantId tenant, String id) {
            return Optional.of(stored).filter(i -> i.id().toString().equals(id));
        }

        /** The identity when its credential of {@code type} answers to {@code identifier}. */
        @Override
        public Optional<Identity> findByCredentialIdentifier(TenantId tenant, CredentialType type, String identifier) {
            return Optional.of(stored).filter(i -> i.tenant().equals(tenant)
                    && i.credential(type).map(c -> c.identifiers().contains(identifier)).orElse(false));
        }

        @Override
        public Optional<Identity> findByCodeIdentifier(TenantId tenant, String address) {
            return Optional.empty();
        }

        @Override
        public String normaliseIdentifier(String identifier) {
            return identifier.trim().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public Identity storeCredential(Identity expected, CredentialType type, Optional<Credential> credential) {
            if (expected.version() != stored.version()) {
                throw ApiException.conflict("changed concurrently");
            }
            Map<CredentialType, Credential> credentials = new EnumMap<>(CredentialType.class);
            credentials.putAll(stored.credentials());
            credential.ifPresentOrElse(c -> credentials.put(type, c), () -> credentials.remove(type));
            Identity s = stored;
            stored = new Identity(s.id(), s.tenant(), s.schemaId(), s.state(), s.stateChangedAt(), s.traits(), s.metadataPublic(),
                    s.metadataAdmin(), s.verifiableAddresses(), s.recoveryAddresses(), credentials, s.createdAt(), s.updatedAt(),
                    s.version() + 1);
            return stored;
        }
    }

    /** Counts reserved second-factor attempts per identity; the fifth starts a lock. */
    public static class Throttle extends LoginThrottle {
        public final Map<String, Integer> failures = new java.util.HashMap<>();
        public final List<String> calls = new ArrayList<>();

        @Override
        public FailureCounts.Reservation reserveSecondFactor(TenantId tenant, String identityId) {
            if (failures.getOrDefault(identityId, 0) >= 5) {
                calls.add("refused");
                return new FailureCounts.Reservation(true, Optional.empty());
            }
            calls.add("reserved");
            int counted = failures.merge(identityId, 1, Integer::sum);
            return new FailureCounts.Reservation(false, counted == 5 ? Optional.of(Instant.EPOCH) : Optional.empty());
        }

        @Override
        public void secondFactorLockStarted(TenantId tenant, String identityId, Instant until) {
            calls.add("lock started");
        }

        @Override
        public void secondFactorSucceeded(TenantId tenant, String identityId) {
            calls.add("succeeded");
            failures.remove(identityId);
        }
    }
}
