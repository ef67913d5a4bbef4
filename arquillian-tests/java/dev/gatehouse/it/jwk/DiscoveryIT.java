package dev.gatehouse.it.jwk;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /.well-known/openid-configuration}, read the way an OpenID Connect client library reads it. */
@ExtendWith(ItServerReady.class)
class DiscoveryIT {

    private static final String GOLDEN_ISSUER = "https://issuer.example/t/acme";

    private static JsonObject golden() throws Exception {
        try (InputStream in = DiscoveryIT.class.getResourceAsStream("/dev/gatehouse/oidc/discovery/openid-configuration.json")) {
            return Json.createReader(in).readObject();
        }
    }

    @Test
    void discoveryWhenTenantThenEqualsGoldenFileWithHostNormalised() throws Exception {
        String tenant = KeyTests.newTenant();
        Http.Response r = Http.get("/t/" + tenant + "/.well-known/openid-configuration").send();

        assertEquals(200, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        assertTrue(r.header("Cache-Control").contains("max-age="), r.header("Cache-Control"));
        String normalised = r.body().replace(KeyTests.issuer("/t/" + tenant), GOLDEN_ISSUER);
        // the test server turns dynamic registration on, so the endpoint is listed (off by default: unit-tested)
        JsonObject expected = Json.createObjectBuilder(golden())
                .add("registration_endpoint", GOLDEN_ISSUER + "/oauth2/register").build();
        assertEquals(expected, Json.createReader(new StringReader(normalised)).readObject());
    }

    @Test
    void discoveryWhenParsedByNimbusThenConsistentWithWhatIsServed() throws Exception {
        OIDCProviderMetadata meta = OIDCProviderMetadata.parse(Http.get("/.well-known/openid-configuration").send().body());

        String issuer = KeyTests.issuer("");
        assertEquals(issuer, meta.getIssuer().getValue());
        assertEquals(issuer + "/oauth2/token", meta.getTokenEndpointURI().toString());
        assertEquals(List.of(CodeChallengeMethod.S256), meta.getCodeChallengeMethods());
        assertEquals(List.of(new ResponseType("code")), meta.getResponseTypes());
        assertTrue(meta.getGrantTypes().containsAll(List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN,
                GrantType.CLIENT_CREDENTIALS)));
        assertTrue(meta.getTokenEndpointAuthMethods().contains(ClientAuthenticationMethod.PRIVATE_KEY_JWT));
        assertEquals(issuer + "/oauth2/register", meta.getRegistrationEndpointURI().toString(),
                "the test server turns dynamic registration on");
        assertTrue(meta.supportsBackChannelLogout());
        assertTrue(meta.supportsAuthorizationResponseIssuerParam(), "the iss parameter of RFC 9207 is sent, so it is advertised");
        assertFalse(meta.supportsRequestParam());
        // the JWKS it points at is served and holds keys for every ID-token algorithm a client may see
        JWKSet keys = JWKSet.load(meta.getJWKSetURI().toURL());
        assertFalse(keys.getKeys().isEmpty());
        assertTrue(keys.getKeys().stream().allMatch(k -> meta.getIDTokenJWSAlgs().contains(
                com.nimbusds.jose.JWSAlgorithm.parse(k.getAlgorithm().getName()))));
    }

    @Test
    void discoveryWhenTenantByPathThenTenantIsItsOwnIssuer() throws Exception {
        String tenant = KeyTests.newTenant();

        OIDCProviderMetadata meta = OIDCProviderMetadata.parse(
                Http.get("/t/" + tenant + "/.well-known/openid-configuration").send().body());

        assertEquals(KeyTests.issuer("/t/" + tenant), meta.getIssuer().getValue());
        assertEquals(KeyTests.issuer("/t/" + tenant) + "/.well-known/jwks.json", meta.getJWKSetURI().toString());
        assertEquals(KeyTests.issuer("/t/" + tenant) + "/oauth2/auth", meta.getAuthorizationEndpointURI().toString());
    }
}
