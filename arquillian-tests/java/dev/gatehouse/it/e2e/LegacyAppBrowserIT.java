package dev.gatehouse.it.e2e;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.it.gateway.GatewayRules;
import dev.gatehouse.it.selfservice.ApiFlows;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "protect a legacy app" walk-through of docs/gateway.md in a real browser: a legacy app that trusts {@code X-User}
 * sits behind the reverse proxy port; opening it without a session lands on Gatehouse's sign-in page with
 * {@code return_to}, signing in brings the browser back to the app, which then sees the identity — and never the
 * {@code X-User} anyone sent it, because nothing reached it before the sign-in.
 */
class LegacyAppBrowserIT extends BrowserTest {

    private static HttpServer legacy;
    private static final List<String> seenUsers = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        legacy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        legacy.createContext("/", x -> {
            try (x) {
                String user = x.getRequestHeaders().getFirst("X-User");
                seenUsers.add(String.valueOf(user));
                byte[] page = ("<!DOCTYPE html><html><head><title>Legacy</title></head><body><p id=\"who\">" + user
                        + "</p><p id=\"email\">" + x.getRequestHeaders().getFirst("X-Email") + "</p></body></html>")
                        .getBytes(StandardCharsets.UTF_8);
                x.getResponseHeaders().add("Content-Type", "text/html; charset=UTF-8");
                x.sendResponseHeaders(200, page.length);
                x.getResponseBody().write(page);
            }
        });
        legacy.start();
        GatewayRules.install("legacy-browser-it.yaml", """
                - id: legacy-browser-app
                  upstream: {url: "http://127.0.0.1:%d"}
                  match: {url: "http://localhost:%d/legacy/<.*>", methods: [GET, POST]}
                  authenticators: [{handler: cookie_session}]
                  authorizer: {handler: allow}
                  mutators: [{handler: header, config: {headers: {X-User: "{{ print .Subject }}", X-Email: "{{ print .Extra.identity.traits.email }}"}}}]
                  errors:
                    - handler: redirect
                      config: {to: "%s", when: [{error: [unauthorized], request: {header: {accept: [text/html]}}}]}
                    - handler: json
                """.formatted(legacy.getAddress().getPort(), ItServer.get().gatewayProxyPort(),
                ItServer.get().uri("/self-service/login/browser")), "legacy-browser-app");
    }

    @AfterAll
    static void stop() {
        GatewayRules.delete("legacy-browser-it.yaml");
        legacy.stop(0);
    }

    @Test
    void legacyAppWhenOpenedWithoutSessionThenSignInLeadsBackAndAppSeesTheIdentity() {
        String email = "legacy-" + UUID.randomUUID().toString().substring(0, 10) + "@example.test";
        String password = "legacy walk-through passphrase 9";
        Http.Response registered = ApiFlows.register("", email, password);
        assertEquals(200, registered.status(), registered.toString());
        String id = registered.jsonObject().getJsonObject("identity").getString("id");
        String app = "http://localhost:" + ItServer.get().gatewayProxyPort() + "/legacy/reports";

        driver.get(app);
        pages.awaitPath("/ui/selfservice/login.xhtml");
        assertTrue(seenUsers.isEmpty(), "nothing reached the app before signing in: " + seenUsers);
        pages.type("node-identifier", email);
        pages.type("node-password", password);
        driver.findElement(By.id("node-method-password")).click();

        pages.until(d -> app.equals(d.getCurrentUrl()));
        assertEquals(id, pages.await(By.id("who")).getText());
        assertEquals(email, driver.findElement(By.id("email")).getText());
        assertEquals(List.of(id), seenUsers);
    }
}
