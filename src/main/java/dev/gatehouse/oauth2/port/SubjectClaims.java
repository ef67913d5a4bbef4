package dev.gatehouse.oauth2.port;

import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Optional;

/**
 * Where the claims of a token's subject come from (OpenID Connect Core §5.1): the identity behind the subject, as
 * the token server maps it into claims. Runs in the caller's transaction.
 */
public interface SubjectClaims {

    /**
     * What the token server reads of a subject: its traits, its public metadata ({@link JsonValue#NULL} when it
     * has none) and its verified addresses.
     */
    record Subject(JsonObject traits, JsonValue metadataPublic, List<String> verifiedAddresses) {

        public Subject {
            verifiedAddresses = List.copyOf(verifiedAddresses);
        }

        /** Whether {@code address} is one of the verified addresses, ignoring case. */
        public boolean verified(String address) {
            return verifiedAddresses.stream().anyMatch(a -> a.equalsIgnoreCase(address));
        }
    }

    /** The subject {@code subject} names in {@code tenant}; empty when it is not an identity (e.g. a client). */
    Optional<Subject> find(TenantId tenant, String subject);
}
