package dev.gatehouse.it.oauth2.client;

import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.client.ClientDeleteRequest;
import com.nimbusds.oauth2.sdk.client.ClientInformation;
import com.nimbusds.oauth2.sdk.client.ClientInformationResponse;
import com.nimbusds.oauth2.sdk.client.ClientMetadata;
import com.nimbusds.oauth2.sdk.client.ClientReadRequest;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationErrorResponse;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationRequest;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationResponse;
import com.nimbusds.oauth2.sdk.client.ClientUpdateRequest;
import com.nimbusds.oauth2.sdk.client.RegistrationError;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.BearerTokenError;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dynamic Client Registration (RFC 7591) and management (RFC 7592) at {@code /oauth2/register}, driven by the
 * Nimbus OAuth SDK. The test server runs with {@code gatehouse.oauth2.dynamic-registration.enabled=true}.
 */
@ExtendWith(ItServerReady.class)
class DynamicRegistrationIT {

    private static URI endpoint(String prefix) {
        return ItServer.get().uri(prefix + "/oauth2/register");
    }

    private static ClientMetadata webApp() {
        ClientMetadata m = new ClientMetadata();
        m.setName("Registered " + System.nanoTime());
        m.setRedirectionURI(URI.create("https://rp.example/callback"));
        m.setGrantTypes(Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
        m.setResponseTypes(Set.of(ResponseType.CODE));
        m.setScope(new Scope("openid", "email"));
        return m;
    }

    private static ClientRegistrationResponse register(String prefix, ClientMetadata metadata) throws Exception {
        HTTPResponse http = new ClientRegistrationRequest(endpoint(prefix), metadata, null).toHTTPRequest().send();
        if (http.getStatusCode() == 201) {
            assertEquals("no-store", http.getCacheControl());
        }
        return ClientRegistrationResponse.parse(http);
    }

    private static ClientInformation registered(String prefix, ClientMetadata metadata) throws Exception {
        ClientRegistrationResponse r = register(prefix, metadata);
        assertTrue(r.indicatesSuccess(), () -> r.toErrorResponse().getErrorObject().toString());
        return ((ClientInformationResponse) r).getClientInformation();
    }

    @Test
    void registerThenIdSecretAndRegistrationTokenIssuedAndClientVisibleToAdmin() throws Exception {
        ClientInformation info = registered("", webApp());

        assertNotNull(info.getID());
        assertTrue(info.getSecret().getValue().length() >= 43);
        assertNotNull(info.getIDIssueDate());
        assertTrue(info.getRegistrationAccessToken().getValue().startsWith("gh_rat_"));
        assertEquals(endpoint("") + "/" + info.getID(), info.getRegistrationURI().toString());
        assertEquals(ClientAuthenticationMethod.CLIENT_SECRET_BASIC, info.getMetadata().getTokenEndpointAuthMethod());
        assertEquals(Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN), info.getMetadata().getGrantTypes());
        Http.Response admin = Http.get("/admin/clients/" + info.getID()).admin().send();
        assertEquals(200, admin.status());
        assertEquals(info.getMetadata().getName(), admin.jsonObject().getString("client_name"));
        assertFalse(admin.body().contains(info.getSecret().getValue()) || admin.body().contains(info.getRegistrationAccessToken().getValue()));
    }

    @Test
    void readUpdateDeleteWithRegistrationTokenThenManagedAsRfc7592Says() throws Exception {
        ClientInformation info = registered("", webApp());
        BearerAccessToken token = info.getRegistrationAccessToken();

        ClientInformation read = ClientInformationResponse.parse(new ClientReadRequest(info.getRegistrationURI(), token)
                .toHTTPRequest().send()).getClientInformation();
        assertEquals(info.getID(), read.getID());
        assertNull(read.getSecret(), "the secret is shown once only");

        ClientMetadata changed = read.getMetadata();
        changed.setName("Renamed");
        changed.setRedirectionURIs(Set.of(URI.create("https://rp.example/callback"), URI.create("https://rp.example/other")));
        ClientInformation updated = ClientInformationResponse.parse(new ClientUpdateRequest(info.getRegistrationURI(),
                info.getID(), token, changed, info.getSecret()).toHTTPRequest().send()).getClientInformation();
        assertEquals("Renamed", updated.getMetadata().getName());
        assertEquals(2, updated.getMetadata().getRedirectionURIs().size());
        assertEquals("Renamed", Http.get("/admin/clients/" + info.getID()).admin().send().jsonObject().getString("client_name"));

        HTTPResponse deleted = new ClientDeleteRequest(info.getRegistrationURI(), token).toHTTPRequest().send();
        assertEquals(204, deleted.getStatusCode());
        assertEquals(404, Http.get("/admin/clients/" + info.getID()).admin().send().status());
        assertInvalidToken(new ClientReadRequest(info.getRegistrationURI(), token).toHTTPRequest().send());
    }

    @Test
    void manageWhenTokenWrongMissingOrOfAnotherClientThen401InvalidToken() throws Exception {
        ClientInformation mine = registered("", webApp());
        ClientInformation other = registered("", webApp());

        assertInvalidToken(new ClientReadRequest(mine.getRegistrationURI(), new BearerAccessToken("gh_rat_forged")).toHTTPRequest().send());
        assertInvalidToken(new ClientReadRequest(mine.getRegistrationURI(), other.getRegistrationAccessToken()).toHTTPRequest().send());
        assertInvalidToken(new ClientDeleteRequest(mine.getRegistrationURI(), other.getRegistrationAccessToken()).toHTTPRequest().send());
        assertEquals(401, Http.get("/oauth2/register/" + mine.getID()).send().status());
        assertEquals(200, Http.get("/admin/clients/" + mine.getID()).admin().send().status(), "still there");
    }

    @Test
    void manageWhenClientRegisteredByAdminThen401EvenWithAnotherValidToken() throws Exception {
        ClientInformation mine = registered("", webApp());
        String adminMade = ItClients.created("", "{'redirect_uris':['https://app.example/cb']}").getString("client_id");

        assertInvalidToken(new ClientReadRequest(ItServer.get().uri("/oauth2/register/" + adminMade),
                mine.getRegistrationAccessToken()).toHTTPRequest().send());
    }

    @Test
    void updateWhenSecretNotTheClientsThenInvalidClientMetadataAndUnchanged() throws Exception {
        ClientInformation info = registered("", webApp());
        String name = info.getMetadata().getName();
        ClientMetadata changed = info.getMetadata();
        changed.setName("Should not stick");

        HTTPResponse r = update(info, changed, "not-the-secret-of-this-client-0123456789");

        assertEquals(RegistrationError.INVALID_CLIENT_METADATA.getCode(), ClientRegistrationErrorResponse.parse(r).getErrorObject().getCode());
        assertEquals(name, Http.get("/admin/clients/" + info.getID()).admin().send().jsonObject().getString("client_name"));
    }

    @Test
    void updateWhenAdministratorChoseAShortSecretThenTheClientMaySendItBackAndNoOtherOne() throws Exception {
        ClientInformation info = registered("", webApp());
        JsonObject asAdminReadsIt = Http.get("/admin/clients/" + info.getID()).admin().send().jsonObject();
        Http.Response put = Http.method("PUT", "/admin/clients/" + info.getID()).admin()
                .json(Json.createObjectBuilder(asAdminReadsIt).add("client_secret", "secret7").build().toString()).send();
        assertEquals(200, put.status(), put.toString());
        ClientMetadata changed = info.getMetadata();
        changed.setName("Renamed by itself");

        HTTPResponse wrong = update(info, changed, "secret8");
        HTTPResponse right = update(info, changed, "secret7");

        assertEquals(RegistrationError.INVALID_CLIENT_METADATA.getCode(), ClientRegistrationErrorResponse.parse(wrong).getErrorObject().getCode());
        assertEquals(200, right.getStatusCode(), right.getBody());
        assertEquals("Renamed by itself", ClientInformationResponse.parse(right).getClientInformation().getMetadata().getName());
    }

    @Test
    void registerWhenClientCredentialsWithResponseTypeCodeOrTokenThenRegisteredAsGiven() throws Exception {
        for (ResponseType type : java.util.List.of(ResponseType.CODE, ResponseType.TOKEN)) {
            ClientMetadata m = new ClientMetadata();
            m.setGrantTypes(Set.of(GrantType.CLIENT_CREDENTIALS));
            m.setResponseTypes(Set.of(type));

            ClientInformation info = registered("", m);

            assertEquals(Set.of(type), info.getMetadata().getResponseTypes());
            assertEquals(Set.of(GrantType.CLIENT_CREDENTIALS), info.getMetadata().getGrantTypes());
        }
    }

    @Test
    void updateWhenRedirectUriBadThenInvalidRedirectUriAndUnchanged() throws Exception {
        ClientInformation info = registered("", webApp());
        String name = info.getMetadata().getName();
        ClientMetadata changed = info.getMetadata();
        changed.setName("Should not stick either");
        changed.setRedirectionURI(URI.create("http://rp.example/plain-http"));

        HTTPResponse r = update(info, changed, null);

        assertEquals(400, r.getStatusCode(), r.getBody());
        assertEquals(RegistrationError.INVALID_REDIRECT_URI.getCode(), ClientRegistrationErrorResponse.parse(r).getErrorObject().getCode());
        assertEquals(name, Http.get("/admin/clients/" + info.getID()).admin().send().jsonObject().getString("client_name"));
    }

    @Test
    void registerWhenRedirectUriBadThenInvalidRedirectUri() throws Exception {
        ClientMetadata m = webApp();
        m.setRedirectionURI(URI.create("http://rp.example/callback"));

        assertRegistrationError(RegistrationError.INVALID_REDIRECT_URI.getCode(), register("", m));
        // the SDK refuses to send a fragment itself, so this one goes by hand
        Http.Response fragment = Http.post("/oauth2/register").json("{\"redirect_uris\":[\"https://rp.example/cb#fragment\"]}").send();
        assertEquals(400, fragment.status(), fragment.toString());
        assertEquals("invalid_redirect_uri", fragment.jsonObject().getString("error"));
    }

    @Test
    void registerWhenAdministratorOnlyFieldsOrChosenCredentialsThenInvalidClientMetadata() throws Exception {
        for (String field : new String[] {"skip_consent", "metadata", "access_token_strategy", "client_secret", "client_id",
                "authorization_code_grant_access_token_lifespan"}) {
            ClientMetadata m = webApp();
            m.setCustomField(field, switch (field) {
                case "skip_consent" -> Boolean.TRUE;
                case "metadata" -> new net.minidev.json.JSONObject(java.util.Map.of("admin", true));
                case "access_token_strategy" -> "jwt";
                case "authorization_code_grant_access_token_lifespan" -> "24h";
                default -> "chosen-value-0123456789-0123456789";
            });
            assertRegistrationError(RegistrationError.INVALID_CLIENT_METADATA.getCode(), register("", m));
        }
        ClientMetadata m = webApp();
        m.setTokenEndpointAuthMethod(new ClientAuthenticationMethod("client_secret_jwt"));
        assertRegistrationError(RegistrationError.INVALID_CLIENT_METADATA.getCode(), register("", m));
    }

    @Test
    void registerWhenServerWouldCallItsOwnHostThenInvalidClientMetadata() throws Exception {
        ClientMetadata keys = webApp();
        keys.setTokenEndpointAuthMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
        keys.setJWKSetURI(URI.create("http://127.0.0.1:9080/admin/keys"));
        assertRegistrationError(RegistrationError.INVALID_CLIENT_METADATA.getCode(), register("", keys));
        ClientMetadata logout = webApp();
        logout.setCustomField("backchannel_logout_uri", "https://localhost/internal");
        assertRegistrationError(RegistrationError.INVALID_CLIENT_METADATA.getCode(), register("", logout));
    }

    @Test
    void registerWhenBodyNotJsonThenInvalidClientMetadataAndNothingRegistered() {
        Http.Response r = Http.post("/oauth2/register").json("{not json").send();

        assertEquals(400, r.status(), r.toString());
        assertEquals("invalid_client_metadata", r.jsonObject().getString("error"));
        assertEquals("no-store", r.header("Cache-Control"));
    }

    @Test
    void registerInAcmeThenClientBelongsToAcmeOnly() throws Exception {
        ClientInformation info = registered("/t/acme", webApp());

        assertTrue(info.getRegistrationURI().toString().endsWith("/t/acme/oauth2/register/" + info.getID()), info.getRegistrationURI().toString());
        assertEquals(200, Http.get("/t/acme/admin/clients/" + info.getID()).admin().send().status());
        assertEquals(404, Http.get("/admin/clients/" + info.getID()).admin().send().status());
        assertInvalidToken(new ClientReadRequest(endpoint("").resolve("/oauth2/register/" + info.getID()),
                info.getRegistrationAccessToken()).toHTTPRequest().send());
    }

    /** RFC 7592 §2.2 update with the client's registration access token, sending {@code secret} if not null. */
    private static HTTPResponse update(ClientInformation info, ClientMetadata changed, String secret) throws Exception {
        return new ClientUpdateRequest(info.getRegistrationURI(), info.getID(), info.getRegistrationAccessToken(), changed,
                secret == null ? null : new com.nimbusds.oauth2.sdk.auth.Secret(secret)).toHTTPRequest().send();
    }

    private static void assertRegistrationError(String code, ClientRegistrationResponse r) {
        assertFalse(r.indicatesSuccess());
        assertEquals(code, r.toErrorResponse().getErrorObject().getCode(), r.toErrorResponse().getErrorObject().toString());
    }

    private static void assertInvalidToken(HTTPResponse r) throws Exception {
        assertEquals(401, r.getStatusCode(), r.getBody());
        assertEquals(BearerTokenError.INVALID_TOKEN.getCode(), BearerTokenError.parse(r.getWWWAuthenticate()).getCode());
    }
}
