package dev.gatehouse.audit.alert;

import dev.gatehouse.jwk.KeyEncryptionKey;
import dev.gatehouse.jwk.KeyEncryptionKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;

/**
 * Webhook secrets at rest: sealed with AES-GCM under the key-encryption key that seals signing keys
 * ({@code gatehouse.jwk.kek}), bound to their tenant and rule, because signing needs them back. A hash would not do.
 */
@ApplicationScoped
public class WebhookSecrets {

    private KeyEncryptionKeys keys;

    protected WebhookSecrets() {
    }

    @Inject
    public WebhookSecrets(KeyEncryptionKeys keys) {
        this.keys = keys;
    }

    public KeyEncryptionKey.Sealed seal(String tenant, String ruleId, String secret) {
        return keys.current().seal(secret.getBytes(StandardCharsets.UTF_8), boundTo(tenant, ruleId));
    }

    public String open(String tenant, String ruleId, KeyEncryptionKey.Sealed sealed) {
        return new String(keys.current().open(sealed, boundTo(tenant, ruleId)), StandardCharsets.UTF_8);
    }

    /** A sealed secret opens only for the rule it was sealed for: a row copied to another rule does not authenticate. */
    private static String boundTo(String tenant, String ruleId) {
        return "gatehouse-audit-alert:" + tenant + ":" + ruleId;
    }
}
