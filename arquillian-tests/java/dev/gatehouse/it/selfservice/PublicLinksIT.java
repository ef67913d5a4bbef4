package dev.gatehouse.it.selfservice;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.gatehouse.it.selfservice.CodeFlows.db;
import static dev.gatehouse.it.selfservice.CodeFlows.email;
import static dev.gatehouse.it.selfservice.CodeFlows.newestMessageTo;
import static dev.gatehouse.it.selfservice.CodeFlows.registered;
import static dev.gatehouse.it.selfservice.CodeFlows.sentCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Links Gatehouse mails and form actions it answers with name the configured public host (or a tenant's registered
 * host), whatever {@code Host} or {@code X-Forwarded-Host} a client sends: otherwise whoever sets the header gets
 * the victim's recovery or sign-in link.
 */
@ExtendWith(ItServerReady.class)
class PublicLinksIT {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");
    /** What an attacker sends without being a trusted proxy: it must change nothing. */
    private static final Map<String, String> FORGED_FORWARDING = Map.of("X-Forwarded-Host", "evil.example",
            "X-Forwarded-Proto", "https", "Forwarded", "host=evil.example;proto=https");

    private static String base() {
        return ItServer.get().baseUrl();
    }

    private static Http with(Http http, Map<String, String> headers) {
        headers.forEach(http::header);
        return http;
    }

    private static JsonObject start(String kind, Map<String, String> headers) {
        Http.Response r = with(Http.get("/self-service/" + kind + "/api"), headers).send();
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject();
    }

    private static Http.Response submit(JsonObject flow, String json, Map<String, String> headers) {
        String action = flow.getJsonObject("ui").getString("action");
        return with(Http.post(action.substring(action.indexOf("/", action.indexOf("//") + 2))), headers).json(json).send();
    }

    private static String action(JsonObject flow) {
        return flow.getJsonObject("ui").getString("action");
    }

    /** Every absolute link in the newest message to the address (a code mail to an app's flow has none). */
    private static java.util.List<String> mailedLinks(String address) throws SQLException {
        String text = newestMessageTo(address).orElseThrow(() -> new AssertionError("no message to " + address));
        Matcher m = LINK.matcher(text);
        java.util.List<String> links = new java.util.ArrayList<>();
        while (m.find()) {
            links.add(m.group());
        }
        return links;
    }

    private static long messagesTo(String address) throws SQLException {
        try (Connection c = db(); PreparedStatement p = c.prepareStatement("SELECT count(*) FROM courier_message WHERE recipient = ?")) {
            p.setString(1, address);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void assertAllUnder(String base, java.util.List<String> links) {
        for (String link : links) {
            assertTrue(link.startsWith(base + "/"), link + " is not under " + base);
        }
    }

    @Test
    void recoveryLinkWhenForwardedHostFromUntrustedClientThenMailedLinkOnConfiguredHost() throws SQLException {
        String address = email("publink");
        registered("", address);
        JsonObject flow = start("recovery", FORGED_FORWARDING);
        assertTrue(action(flow).startsWith(base() + "/self-service/recovery?flow="), action(flow));

        Http.Response sent = submit(flow, "{\"method\":\"link\",\"email\":\"" + address + "\"}", FORGED_FORWARDING);

        assertEquals(200, sent.status(), sent.toString());
        assertEquals(1, mailedLinks(address).size(), mailedLinks(address).toString());
        assertTrue(mailedLinks(address).get(0).startsWith(base() + "/self-service/recovery?flow="), mailedLinks(address).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"recovery", "verification"})
    void codeWhenForwardedHostFromUntrustedClientThenActionAndLinksOnConfiguredHost(String kind) throws SQLException {
        String address = email("publink");
        registered("", address);

        Http.Response sent = submit(start(kind, FORGED_FORWARDING), "{\"method\":\"code\",\"email\":\"" + address + "\"}",
                FORGED_FORWARDING);

        assertEquals(200, sent.status(), sent.toString());
        assertTrue(action(sent.jsonObject()).startsWith(base() + "/self-service/" + kind + "?flow="), sent.toString());
        assertAllUnder(base(), mailedLinks(address));
    }

    @Test
    void loginCodeWhenForwardedHostFromUntrustedClientThenSignInLinkOnConfiguredHost() throws SQLException {
        String address = email("publink");
        registered("", address);
        JsonObject flow = start("login", FORGED_FORWARDING);

        Http.Response sent = submit(flow, "{\"method\":\"code\",\"identifier\":\"" + address + "\"}", FORGED_FORWARDING);

        assertEquals(200, sent.status(), sent.toString());
        assertTrue(mailedLinks(address).stream().anyMatch(l -> l.startsWith(base() + "/self-service/login/code-link?flow=")),
                mailedLinks(address).toString());
        assertAllUnder(base(), mailedLinks(address));
    }

    @Test
    void registrationAndSettingsWhenForwardedHostFromUntrustedClientThenActionsOnConfiguredHost() {
        JsonObject registration = start("registration", FORGED_FORWARDING);
        String token = registered("", email("publink")).getString("session_token");

        Http.Response settings = with(Http.get("/self-service/settings/api").header("X-Session-Token", token), FORGED_FORWARDING).send();

        assertTrue(action(registration).startsWith(base() + "/self-service/registration?flow="), action(registration));
        assertEquals(200, settings.status(), settings.toString());
        assertTrue(action(settings.jsonObject()).startsWith(base() + "/self-service/settings?flow="), settings.toString());
    }

    @Test
    void submissionWhenHostForgedThen400AndNothingMailed() throws SQLException {
        String address = email("publink");
        registered("", address);
        long before = messagesTo(address);
        JsonObject flow = ApiFlows.start("", "recovery");

        Http.Response forged = submit(flow, "{\"method\":\"link\",\"email\":\"" + address + "\"}", Map.of("Host", "evil.example"));

        assertEquals(400, forged.status(), forged.toString());
        assertTrue(forged.jsonObject().getString("type").endsWith("/unknown-host"), forged.toString());
        assertEquals(before, messagesTo(address), "no message was queued for the refused request");
    }

    @Test
    void tenantHostWhenSignInByCodeThenLinksOnThatHostAndSessionOfThatTenant() throws SQLException {
        String host = "login-" + UUID.randomUUID().toString().substring(0, 8) + ".tenant.test";
        String id = "pub-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response created = Http.post("/admin/tenants").admin()
                .json("{\"id\":\"" + id + "\",\"display_name\":\"Public links\",\"hosts\":[\"" + host + "\"]}").send();
        assertEquals(201, created.status(), created.toString());
        int port = ItServer.get().uri("/").getPort();
        String tenantBase = "http://" + host + ":" + port;
        Map<String, String> atTenant = Map.of("Host", host + ":" + port);
        String address = email("publink");
        Http.Response signedUp = submit(start("registration", atTenant), "{\"method\":\"password\",\"password\":\"" + CodeFlows.PASSWORD
                + "\",\"traits\":{\"email\":\"" + address + "\",\"name\":{\"first\":\"T\",\"last\":\"H\"}}}", atTenant);
        assertEquals(200, signedUp.status(), signedUp.toString());
        JsonObject flow = start("login", atTenant);
        assertTrue(action(flow).startsWith(tenantBase + "/self-service/login?flow="), action(flow));

        assertEquals(200, submit(flow, "{\"method\":\"code\",\"identifier\":\"" + address + "\"}", atTenant).status());
        Http.Response signedIn = submit(flow, "{\"method\":\"code\",\"identifier\":\"" + address + "\",\"code\":\""
                + sentCode(address).orElseThrow() + "\"}", atTenant);

        assertTrue(mailedLinks(address).stream().anyMatch(l -> l.startsWith(tenantBase + "/self-service/login/code-link?flow=")),
                mailedLinks(address).toString());
        assertEquals(200, signedIn.status(), signedIn.toString());
        String token = signedIn.jsonObject().getString("session_token");
        assertEquals(200, with(Http.get("/sessions/whoami"), atTenant).header("X-Session-Token", token).send().status());
        assertEquals(401, Http.get("/sessions/whoami").header("X-Session-Token", token).send().status(),
                "the session belongs to the tenant of the host it was made on");
    }
}
