package dev.gatehouse.oauth2.client;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.gatehouse.oauth2.client.InvalidClientMetadataException.Kind;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hydra's client fields: defaults, and every rule that refuses metadata. */
class ClientMetadataParserTest {

    private static JsonObject json(String text) {
        try (JsonReader r = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return r.readObject();
        }
    }

    private static InvalidClientMetadataException refused(String text) {
        return assertThrows(InvalidClientMetadataException.class, () -> ClientMetadataParser.parse(json(text)));
    }

    private static void assertRefused(String field, Kind kind, String text) {
        InvalidClientMetadataException e = refused(text);
        assertTrue(e.violations().stream().anyMatch(v -> v.field().equals(field)), e.description());
        assertEquals(kind, e.kind(), e.description());
    }

    private static final String REDIRECT = "'redirect_uris':['https://app.example/cb']";

    @Test
    void parseWhenOnlyRedirectUriThenHydraDefaults() {
        ClientMetadata m = ClientMetadataParser.parse(json("{" + REDIRECT + "}"));

        assertEquals(Set.of("authorization_code"), m.grantTypes());
        assertEquals(Set.of("code"), m.responseTypes());
        assertEquals(Set.of("offline_access", "offline", "openid"), m.scopes());
        assertEquals(TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, m.tokenEndpointAuthMethod());
        assertEquals(AccessTokenStrategy.OPAQUE, m.accessTokenStrategy());
        assertEquals("{}", m.metadata());
        assertTrue(m.needsSecret());
        assertEquals(Optional.empty(), m.clientId());
    }

    @Test
    void parseWhenClientCredentialsOnlyThenDefaultResponseTypeCodeAndNoRedirectNeeded() {
        ClientMetadata m = ClientMetadataParser.parse(json("{'grant_types':['client_credentials'],'scope':'read write'}"));

        assertEquals(Set.of("code"), m.responseTypes());
        assertEquals(Set.of("read", "write"), m.scopes());
        assertEquals(Set.of("code"), ClientMetadataParser.parse(json("{'grant_types':['client_credentials'],'response_types':[]}")).responseTypes());
    }

    @Test
    void parseWhenClientCredentialsWithResponseTypeCodeOrTokenAsHydraScriptsSendThenKept() {
        ClientMetadata code = ClientMetadataParser.parse(json("{'grant_types':['client_credentials'],'response_types':['code']}"));
        ClientMetadata token = ClientMetadataParser.parse(json("{'grant_types':['client_credentials'],'response_types':['token']}"));
        ClientMetadata both = ClientMetadataParser.parse(json("{" + REDIRECT + ",'grant_types':['authorization_code'],"
                + "'response_types':['code','id_token token','code id_token']}"));

        assertEquals(Set.of("code"), code.responseTypes());
        assertEquals(Set.of("token"), token.responseTypes());
        assertEquals(Set.of("code", "id_token token", "code id_token"), both.responseTypes());
    }

    @Test
    void parseWhenLifespansThenGoDurations() {
        ClientMetadata m = ClientMetadataParser.parse(json("{" + REDIRECT + ",'authorization_code_grant_access_token_lifespan':'30m',"
                + "'authorization_code_grant_refresh_token_lifespan':'720h','authorization_code_grant_id_token_lifespan':'1h0m0s'}"));

        assertEquals(Optional.of(Duration.ofMinutes(30)), m.lifespans().accessToken());
        assertEquals(Optional.of(Duration.ofDays(30)), m.lifespans().refreshToken());
        assertEquals(Optional.of(Duration.ofHours(1)), m.lifespans().idToken());
        assertRefused(ClientMetadataParser.ACCESS_TOKEN_LIFESPAN, Kind.METADATA,
                "{" + REDIRECT + ",'authorization_code_grant_access_token_lifespan':'soon'}");
    }

    @Test
    void parseWhenRedirectUriRelativeFragmentOrPlainHttpThenInvalidRedirectUri() {
        assertRefused("redirect_uris", Kind.REDIRECT_URI, "{'redirect_uris':['/cb']}");
        assertRefused("redirect_uris", Kind.REDIRECT_URI, "{'redirect_uris':['https://app.example/cb#frag']}");
        assertRefused("redirect_uris", Kind.REDIRECT_URI, "{'redirect_uris':['http://app.example/cb']}");
        assertRefused("redirect_uris", Kind.REDIRECT_URI, "{'redirect_uris':['https://user:pw@app.example/cb']}");
        assertRefused("redirect_uris", Kind.REDIRECT_URI, "{'redirect_uris':['https://app.example/a b']}");
        assertRefused("redirect_uris", Kind.REDIRECT_URI, "{'redirect_uris':'https://app.example/cb'}");
    }

    @Test
    void parseWhenRedirectUriLoopbackHttpOrPrivateSchemeThenAccepted() {
        ClientMetadata m = ClientMetadataParser.parse(json("{'redirect_uris':['http://127.0.0.1:8085/callback',"
                + "'http://localhost/cb','http://[::1]/cb','com.example.app:/oauth2redirect']}"));

        assertEquals(4, m.redirectUris().size());
    }

    @Test
    void parseWhenPublicClientThenNoSecretAllowedNorClientCredentials() {
        assertFalse(ClientMetadataParser.parse(json("{" + REDIRECT + ",'token_endpoint_auth_method':'none'}")).needsSecret());
        assertRefused("client_secret", Kind.METADATA, "{" + REDIRECT + ",'token_endpoint_auth_method':'none','client_secret':'"
                + "x".repeat(40) + "'}");
        assertRefused("grant_types", Kind.METADATA, "{'token_endpoint_auth_method':'none','grant_types':['client_credentials']}");
    }

    @Test
    void parseWhenChosenSecretShorterThan6ThenRefusedElseKeptAsHydraDoes() {
        assertRefused("client_secret", Kind.METADATA, "{" + REDIRECT + ",'client_secret':'12345'}");
        assertRefused("client_secret", Kind.METADATA, "{" + REDIRECT + ",'client_secret':'" + "x".repeat(513) + "'}");
        assertEquals(Optional.of("secret"), ClientMetadataParser.parse(json("{" + REDIRECT + ",'client_secret':'secret'}")).secret());
        assertEquals(Optional.of("y".repeat(32)), ClientMetadataParser.parse(json("{" + REDIRECT + ",'client_secret':'" + "y".repeat(32) + "'}")).secret());
    }

    @Test
    void parseWhenPrivateKeyJwtThenExactlyOneOfJwksAndJwksUri() throws Exception {
        String jwks = new JWKSet(new RSAKeyGenerator(2048).generate().toPublicJWK()).toString();

        assertRefused("jwks", Kind.METADATA, "{'grant_types':['client_credentials'],'token_endpoint_auth_method':'private_key_jwt'}");
        assertRefused("jwks", Kind.METADATA, "{'grant_types':['client_credentials'],'token_endpoint_auth_method':'private_key_jwt',"
                + "'jwks_uri':'https://app.example/jwks','jwks':" + jwks + "}");
        ClientMetadata m = ClientMetadataParser.parse(json("{'grant_types':['client_credentials'],"
                + "'token_endpoint_auth_method':'private_key_jwt','jwks':" + jwks + "}"));
        assertTrue(m.jwks().isPresent());
        assertFalse(m.needsSecret());
    }

    @Test
    void parseWhenJwksHoldsPrivateOrSymmetricKeyThenRefused() throws Exception {
        String privateSet = new JWKSet(new RSAKeyGenerator(2048).generate()).toString(false);
        String symmetric = new JWKSet(new OctetSequenceKeyGenerator(256).generate()).toString(false);

        assertRefused("jwks", Kind.METADATA, "{'grant_types':['client_credentials'],'token_endpoint_auth_method':'private_key_jwt','jwks':" + privateSet + "}");
        assertRefused("jwks", Kind.METADATA, "{'grant_types':['client_credentials'],'token_endpoint_auth_method':'private_key_jwt','jwks':" + symmetric + "}");
        assertRefused("jwks", Kind.METADATA, "{'grant_types':['client_credentials'],'token_endpoint_auth_method':'private_key_jwt','jwks':{'keys':'x'}}");
    }

    @Test
    void parseWhenGrantOrResponseTypeUnknownOrCodeGrantWithoutRedirectThenRefused() {
        assertRefused("response_types", Kind.METADATA, "{" + REDIRECT + ",'response_types':['magic']}");
        assertRefused("response_types", Kind.METADATA, "{" + REDIRECT + ",'response_types':['code code']}");
        assertRefused("response_types", Kind.METADATA, "{" + REDIRECT + ",'response_types':['code  token']}");
        assertRefused("response_types", Kind.METADATA, "{" + REDIRECT + ",'response_types':['none code']}");
        assertRefused("response_types", Kind.METADATA, "{" + REDIRECT + ",'response_types':['']}");
        assertRefused("grant_types", Kind.METADATA, "{'grant_types':['password']}");
        assertRefused("redirect_uris", Kind.METADATA, "{'grant_types':['authorization_code']}");
    }

    @Test
    void parseWhenUnknownAuthMethodOrStrategyThenRefused() {
        assertRefused("token_endpoint_auth_method", Kind.METADATA, "{" + REDIRECT + ",'token_endpoint_auth_method':'client_secret_jwt'}");
        assertRefused("access_token_strategy", Kind.METADATA, "{" + REDIRECT + ",'access_token_strategy':'macaroon'}");
    }

    @Test
    void parseWhenSeveralFieldsWrongThenEveryOneReported() {
        InvalidClientMetadataException e = refused("{'redirect_uris':['x'],'scope':'a\\u0000b','metadata':[1],'skip_consent':'yes',"
                + "'client_id':'has space','backchannel_logout_uri':'ftp://x.example/logout'}");

        assertEquals(List.of("client_id", "redirect_uris", "scope", "backchannel_logout_uri", "metadata", "skip_consent"),
                e.violations().stream().map(InvalidClientMetadataException.Violation::field).distinct().toList());
    }

    @Test
    void parseWhenListsOrValuesOversizedThenRefused() {
        String many = String.join(",", java.util.Collections.nCopies(101, "'https://app.example/cb'"));

        assertRefused("redirect_uris", Kind.REDIRECT_URI, "{'redirect_uris':[" + many + "]}");
        assertRefused("client_name", Kind.METADATA, "{" + REDIRECT + ",'client_name':'" + "n".repeat(256) + "'}");
        assertRefused("client_id", Kind.METADATA, "{" + REDIRECT + ",'client_id':'" + "i".repeat(256) + "'}");
        assertRefused("redirect_uris", Kind.REDIRECT_URI, "{'redirect_uris':['https://app.example/" + "p".repeat(2048) + "']}");
    }

    @Test
    void goDurationsWhenFormattedThenAsGoWritesThem() {
        assertEquals("1h0m0s", GoDurations.format(Duration.ofHours(1)));
        assertEquals("30m0s", GoDurations.format(Duration.ofMinutes(30)));
        assertEquals("1.5s", GoDurations.format(Duration.ofMillis(1500)));
        assertEquals(Optional.of(Duration.ofMinutes(90)), GoDurations.parse("1h30m"));
        assertEquals(Optional.empty(), GoDurations.parse("1.5h"));
        assertEquals(Optional.empty(), GoDurations.parse(""));
    }
}
