package dev.gatehouse.jwk;

import dev.gatehouse.platform.db.DatabaseMigrator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when tokens can be signed: the key-encryption key is there and the stored signing keys can be read. A
 * node whose key-encryption key differs from the others' (GATEHOUSE_JWK_KEK unset on a cluster) is not ready, nor
 * one whose configured PKCS#11 token does not log in.
 */
@Readiness
@ApplicationScoped
public class SigningKeysReadinessCheck implements HealthCheck {

    @Inject
    KeyEncryptionKeys keks;
    @Inject
    KeyRing ring;
    @Inject
    Pkcs11Token token;
    @Inject
    DatabaseMigrator migrator;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder r = HealthCheckResponse.named("signing-keys");
        try {
            keks.current();
            r.withData("key_encryption_key", true);
        } catch (RuntimeException e) {
            return r.withData("key_encryption_key", false).down().build();
        }
        if (token.configured()) {
            try {
                token.provider();
                r.withData("pkcs11_token", true);
            } catch (RuntimeException e) {
                return r.withData("pkcs11_token", false).down().build();
            }
        }
        if (!migrator.isMigrated()) {
            return r.withData("reason", "migrations not applied").down().build();
        }
        try {
            r.withData("signing_keys", ring.currentSigners().size());
        } catch (RuntimeException e) {
            return r.withData("reason", "stored keys cannot be read").down().build();
        }
        return r.up().build();
    }
}
