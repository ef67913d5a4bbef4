package dev.gatehouse.it.platform;

import dev.gatehouse.it.oauth2.authorize.Authorizations;
import dev.gatehouse.it.oauth2.authorize.AuthorizeClients;
import dev.gatehouse.it.selfservice.ApiFlows;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.RawHttp;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Only the configured public host ({@code gatehouse.public.base-url}) and tenants' registered hosts are served;
 * {@code X-Forwarded-*} counts only from a trusted proxy ({@code gatehouse.http.trusted-proxies}, here 127.0.0.2).
 */
@ExtendWith(ItServerReady.class)
class PublicHostIT {

    private static String base() {
        return ItServer.get().baseUrl();
    }

    private static int port() {
        return ItServer.get().uri("/").getPort();
    }

    private static void assertUnknownHost(int status, JsonObject problem, String host) {
        assertEquals(400, status, problem.toString());
        assertTrue(problem.getString("type").endsWith("/unknown-host"), problem.toString());
        assertTrue(problem.getString("detail").contains("\"" + host + "\""), problem.toString());
    }

    private static String newTenantHost() {
        String host = "login-" + UUID.randomUUID().toString().substring(0, 8) + ".tenant.test";
        String id = "host-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response r = Http.post("/admin/tenants").admin()
                .json("{\"id\":\"" + id + "\",\"display_name\":\"Host test\",\"hosts\":[\"" + host + "\"]}").send();
        assertEquals(201, r.status(), r.toString());
        return host;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/self-service/recovery/browser", "/self-service/recovery/api", "/self-service/verification/api",
            "/self-service/login/api", "/self-service/login/browser", "/self-service/registration/browser",
            "/self-service/settings/browser", "/self-service/logout/browser", "/.well-known/openid-configuration",
            "/.well-known/jwks.json", "/oauth2/auth?client_id=x&response_type=code", "/oauth2/sessions/logout",
            "/ui/selfservice/login.xhtml", "/", "/t/acme/.well-known/openid-configuration", "/admin/identities"})
    void requestWhenHostForgedThen400NamingTheHost(String path) {
        Http.Response r = Http.get(path).header("Host", "evil.example").header("Accept", "application/json").send();

        assertUnknownHost(r.status(), r.jsonObject(), "evil.example");
    }

    @Test
    void requestWhenHostMalformedThen400() {
        RawHttp.Response r = RawHttp.get("/version").header("Host", "evil.example@localhost:" + port()).send();

        assertEquals(400, r.status(), r.toString());
        assertTrue(r.jsonObject().getString("type").endsWith("/unknown-host"), r.toString());
    }

    @Test
    void healthAndDecisionsWhenAnyHostThenAnswered() {
        Http.Response health = Http.get("/health/live").header("Host", "10.1.2.3:9080").send();
        Http.Response decision = Http.get("/decisions/nothing-matches-" + UUID.randomUUID()).header("Host", "gatehouse.internal").send();

        assertEquals(200, health.status(), health.toString());
        assertNotEquals(400, decision.status(), "the decisions API names hosts of the protected app: " + decision);
    }

    @Test
    void discoveryWhenForwardedHostFromUntrustedClientThenConfiguredIssuer() {
        Http.Response r = Http.get("/.well-known/openid-configuration")
                .header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https").send();

        assertEquals(200, r.status(), r.toString());
        assertEquals(base(), r.jsonObject().getString("issuer"));
        assertEquals(base() + "/oauth2/auth", r.jsonObject().getString("authorization_endpoint"));
    }

    @Test
    void authorizeWhenForwardedHostFromUntrustedClientThenLoginRedirectOnConfiguredHost() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        String query = Authorizations.request(client).request().toURI().getRawQuery();

        Http.Response r = Http.get("/oauth2/auth?" + query).header("X-Forwarded-Host", "evil.example").send();

        assertEquals(302, r.status(), r.toString());
        assertTrue(r.header("Location").startsWith(base() + "/oauth2/ui/login?login_challenge="), r.header("Location"));
    }

    @Test
    void logoutWhenForwardedHostFromUntrustedClientThenRedirectOnConfiguredHost() {
        Http.Response r = Http.get("/oauth2/sessions/logout").header("X-Forwarded-Host", "evil.example").send();

        assertTrue(r.status() == 302 || r.status() == 303, r.toString());
        assertTrue(r.header("Location").startsWith(base() + "/"), r.header("Location"));
    }

    @Test
    void tenantHostWhenAskedThenItsIssuerUnderThatHost() {
        String host = newTenantHost();

        Http.Response r = Http.get("/.well-known/openid-configuration").header("Host", host + ":" + port()).send();

        assertEquals(200, r.status(), r.toString());
        assertEquals("http://" + host + ":" + port(), r.jsonObject().getString("issuer"));
    }

    @Test
    void trustedProxyWhenForwardedHostUnknownThen400() {
        RawHttp.Response r = RawHttp.get("/.well-known/openid-configuration")
                .from(ItServer.get().trustedProxy()).header("X-Forwarded-Host", "evil.example").send();

        assertUnknownHost(r.status(), r.jsonObject(), "evil.example");
    }

    @Test
    void trustedProxyWhenForwardedHostIsATenantHostThenThatTenantsIssuer() {
        String host = newTenantHost();

        RawHttp.Response r = RawHttp.get("/.well-known/openid-configuration").from(ItServer.get().trustedProxy())
                .header("Host", "gatehouse.internal:9080").header("X-Forwarded-Host", host + ":" + port()).send();

        assertEquals(200, r.status(), r.toString());
        assertEquals("http://" + host + ":" + port(), r.jsonObject().getString("issuer"));
    }

    @Test
    void sessionDeviceWhenForwardedForFromTrustedProxyThenClientAddressOtherwiseThePeer() {
        String address = "pubhost-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        assertEquals(200, ApiFlows.register("", address, "public host passphrase 7").status());
        JsonObject viaProxy = loginFrom(ItServer.get().trustedProxy(), address);
        JsonObject direct = loginFrom("127.0.0.1", address);

        assertEquals("198.51.100.23", deviceIp(viaProxy));
        assertEquals("127.0.0.1", deviceIp(direct), "X-Forwarded-For from an untrusted peer is ignored");
    }

    private static JsonObject loginFrom(String localAddress, String identifier) {
        RawHttp.Response flow = RawHttp.get("/self-service/login/api").from(localAddress).header("X-Forwarded-For", "198.51.100.23").send();
        assertEquals(200, flow.status(), flow.toString());
        String action = flow.jsonObject().getJsonObject("ui").getString("action");
        RawHttp.Response done = RawHttp.request("POST", action.substring(base().length())).from(localAddress)
                .header("X-Forwarded-For", "198.51.100.23")
                .json("{\"method\":\"password\",\"identifier\":\"" + identifier + "\",\"password\":\"public host passphrase 7\"}")
                .send();
        assertEquals(200, done.status(), done.toString());
        return done.jsonObject();
    }

    private static String deviceIp(JsonObject signedIn) {
        return signedIn.getJsonObject("session").getJsonArray("devices").getJsonObject(0).getString("ip_address");
    }
}
