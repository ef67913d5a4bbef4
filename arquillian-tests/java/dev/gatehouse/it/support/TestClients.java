package dev.gatehouse.it.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;
import java.util.UUID;

/**
 * Fixture builders for OAuth 2.0 clients, registered over the admin API ({@code POST /admin/clients}, Hydra's
 * JSON) as an operator would: {@code TestClients.confidential().scope("openid offline_access").create()}.
 */
public final class TestClients {

    private static final List<String> ALL_GRANTS = List.of("authorization_code", "refresh_token", "client_credentials");

    private TestClients() {
    }

    /** client_secret_basic, every grant, scopes {@code openid offline_access profile email}. */
    public static Builder confidential() {
        return new Builder("client_secret_basic");
    }

    /** client_secret_post, otherwise as {@link #confidential()}. */
    public static Builder secretPost() {
        return new Builder("client_secret_post");
    }

    /** A public client (auth method none): authorization_code and refresh_token only, PKCE required. */
    public static Builder publicClient() {
        return new Builder("none").grantTypes("authorization_code", "refresh_token");
    }

    /** A confidential client whose access tokens are RFC 9068 JWTs. */
    public static Builder jwtStrategy() {
        return confidential().accessTokenStrategy("jwt");
    }

    /** A client that authenticates with a JWT signed by its own RSA key, registered inline as {@code jwks}. */
    public static Builder privateKeyJwt() {
        return new Builder("private_key_jwt");
    }

    public static final class Builder {
        private final String authMethod;
        private List<String> grantTypes = ALL_GRANTS;
        private String scope = "openid offline_access profile email";
        private List<String> audience = List.of();
        private String strategy = "opaque";
        private String redirectUri = "https://app.example.test/cb/" + UUID.randomUUID().toString().substring(0, 8);
        private String prefix = "";
        private String base = "";

        private Builder(String authMethod) {
            this.authMethod = authMethod;
        }

        public Builder grantTypes(String... types) {
            this.grantTypes = List.of(types);
            return this;
        }

        public Builder scope(String scope) {
            this.scope = scope;
            return this;
        }

        public Builder audience(String... audience) {
            this.audience = List.of(audience);
            return this;
        }

        public Builder accessTokenStrategy(String strategy) {
            this.strategy = strategy;
            return this;
        }

        /** The tenant path prefix ({@code /t/acme}) to register it in; default tenant otherwise. */
        public Builder tenantPrefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        /** The base URL of the server to register on (e.g. a balancer in front of other nodes); the IT server's otherwise. */
        public Builder on(String baseUrl) {
            this.base = baseUrl;
            return this;
        }

        public TestClient create() {
            RSAKey key = "private_key_jwt".equals(authMethod) ? newKey() : null;
            JsonArrayBuilder grants = Json.createArrayBuilder();
            grantTypes.forEach(grants::add);
            JsonArrayBuilder aud = Json.createArrayBuilder();
            audience.forEach(aud::add);
            JsonObjectBuilder body = Json.createObjectBuilder()
                    .add("client_name", "token test client")
                    .add("redirect_uris", Json.createArrayBuilder().add(redirectUri))
                    .add("grant_types", grants)
                    .add("response_types", Json.createArrayBuilder().add("code"))
                    .add("scope", scope)
                    .add("audience", aud)
                    .add("token_endpoint_auth_method", authMethod)
                    .add("access_token_strategy", strategy);
            if (key != null) {
                body.add("jwks", Json.createObjectBuilder().add("keys", Json.createArrayBuilder()
                        .add(Json.createReader(new java.io.StringReader(key.toPublicJWK().toJSONString())).readObject())));
            }
            Http.Response created = Http.post(base + prefix + "/admin/clients").admin().json(body.build().toString()).send();
            if (created.status() != 201) {
                throw new IllegalStateException("client not created: " + created);
            }
            JsonObject json = created.jsonObject();
            return new TestClient(json.getString("client_id"), json.getString("client_secret", null), redirectUri,
                    authMethod, key);
        }

        private static RSAKey newKey() {
            try {
                return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
