package dev.gatehouse.oauth2.client;

import dev.gatehouse.credential.adapter.PasswordSlowHash;
import dev.gatehouse.credential.password.PasswordConfigs;
import dev.gatehouse.credential.password.PasswordHasher;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.secrets.TokenHasher;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Fixture builders for clients, a {@link TokenHasher} with a fixed key and {@link ClientSecrets}, for unit tests. */
final class TestClients {

    static final Instant CREATED = Instant.parse("2026-11-01T10:00:00Z");

    private TestClients() {
    }

    static TokenHasher hasher() {
        return new TokenHasher() {
            @Override
            public String hash(String token) {
                try {
                    Mac mac = Mac.getInstance("HmacSHA256");
                    mac.init(new SecretKeySpec("unit-test-key-unit-test-key-0123".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                    return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    /** Client secrets with the fixed HMAC key and tiny argon2id parameters (milliseconds). */
    static ClientSecrets secrets() {
        return new ClientSecrets(hasher(), new PasswordSlowHash(new PasswordHasher(PasswordConfigs.fast())));
    }

    static OAuth2Client client(String id, TokenEndpointAuthMethod method, Optional<String> jwks, Optional<URI> jwksUri) {
        return new OAuth2Client(id, "Client " + id, List.of("https://app.example/cb"), List.of(),
                Set.of("authorization_code", "refresh_token"), Set.of("code"), Set.of("openid", "offline_access"),
                Set.of(), method, jwks, jwksUri, false, AccessTokenStrategy.OPAQUE, TokenLifespans.DEFAULTS,
                Optional.empty(), false, "{}", CREATED);
    }

    static RegisteredClient confidential(String id, TokenEndpointAuthMethod method, String secret) {
        return new RegisteredClient(TenantId.DEFAULT, client(id, method, Optional.empty(), Optional.empty()),
                Optional.of(secrets().hash(secret)), Optional.empty(), CREATED);
    }

    static RegisteredClient publicClient(String id) {
        return new RegisteredClient(TenantId.DEFAULT, client(id, TokenEndpointAuthMethod.NONE, Optional.empty(), Optional.empty()),
                Optional.empty(), Optional.empty(), CREATED);
    }

    static RegisteredClient keyBound(String id, Optional<String> jwks, Optional<URI> jwksUri) {
        return new RegisteredClient(TenantId.DEFAULT, client(id, TokenEndpointAuthMethod.PRIVATE_KEY_JWT, jwks, jwksUri),
                Optional.empty(), Optional.empty(), CREATED);
    }
}
