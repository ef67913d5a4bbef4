package dev.gatehouse.admin;

import dev.gatehouse.kernel.Ids;
import dev.gatehouse.platform.demo.DemoConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The admin API key in force: the configured one, or in the demo run a generated one. Keys are compared
 * in constant time, over SHA-256 digests so that not even the length leaks.
 */
@ApplicationScoped
public class AdminCredentials {

    private byte[] keyDigest;
    private boolean generated;
    private String generatedKey;

    protected AdminCredentials() {
    }

    @Inject
    public AdminCredentials(AdminConfig config, DemoConfig demo) {
        Optional<String> key = config.apiKey();
        if (key.isEmpty() && demo.enabled()) {
            generatedKey = "gh_admin_" + Ids.token();
            generated = true;
            key = Optional.of(generatedKey);
        }
        this.keyDigest = key.map(AdminCredentials::sha256).orElse(null);
    }

    public boolean configured() {
        return keyDigest != null;
    }

    public boolean matches(String presented) {
        if (keyDigest == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(keyDigest, sha256(presented));
    }

    /** The key generated for the demo run, to be printed once at start-up; empty when configured. */
    public Optional<String> generatedDemoKey() {
        return generated ? Optional.of(generatedKey) : Optional.empty();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
