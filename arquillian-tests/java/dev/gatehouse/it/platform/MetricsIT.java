package dev.gatehouse.it.platform;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import dev.gatehouse.it.gateway.GatewayRules;
import dev.gatehouse.it.selfservice.ApiFlows;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.PrometheusClientParser;
import dev.gatehouse.it.support.PrometheusText;
import dev.gatehouse.it.support.ServerTls;
import dev.gatehouse.it.support.TestClient;
import dev.gatehouse.it.support.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /metrics} as Prometheus scrapes it: only with the scrape credentials, over HTTPS, in the text format (read by
 * the Prometheus client's own parser, {@link PrometheusClientParser}, and by the strict {@link PrometheusText}),
 * and Gatehouse's series move by what a sign-in, a registration, a token and a gateway decision did.
 */
@ExtendWith(ItServerReady.class)
class MetricsIT {

    private static final String RULE = "metrics-it-allow";
    private static final String RULES = """
            [{"id": "metrics-it-allow", "match": {"url": "http://metrics.it.test/open/<.*>", "methods": ["GET"]},
              "authenticators": [{"handler": "anonymous"}], "authorizer": {"handler": "allow"},
              "mutators": [{"handler": "noop"}]}]
            """;

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static PrometheusText scrape() throws Exception {
        String[] credentials = ItServer.get().metricsCredentials();
        HttpClient client = ServerTls.awaitTrustingClient();
        ServerTls.get(client, "/health/live");
        HttpResponse<String> r = ServerTls.send(client, "/metrics",
                b -> b.header("Authorization", basic(credentials[0], credentials[1])).header("Accept", "text/plain"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), r.headers().toString());
        PrometheusText strict = PrometheusText.parse(r.body());
        PrometheusText official = PrometheusClientParser.parse(r.body());
        assertEquals(new java.util.HashSet<>(strict.samples()), new java.util.HashSet<>(official.samples()),
                "the strict reading and the Prometheus client's parser read the same samples");
        assertTrue(official.samples().size() > 100, "a whole scrape: " + official.samples().size());
        return official;
    }

    @Test
    void metricsWhenAnonymousOrWithTheAdminKeyThenRefused() throws Exception {
        HttpClient client = ServerTls.awaitTrustingClient();
        ServerTls.get(client, "/health/live");

        HttpResponse<String> anonymous = ServerTls.send(client, "/metrics", b -> b);
        HttpResponse<String> adminKey = ServerTls.send(client, "/metrics",
                b -> b.header("Authorization", "Bearer " + ItServer.get().adminKey()));
        HttpResponse<String> wrong = ServerTls.send(client, "/metrics",
                b -> b.header("Authorization", basic(ItServer.get().metricsCredentials()[0], "not-the-password")));
        Http.Response plain = Http.get("/metrics").send();

        assertEquals(401, anonymous.statusCode());
        assertEquals(401, adminKey.statusCode(), "the admin API key is not the scrape credential");
        assertEquals(401, wrong.statusCode());
        assertNotEquals(200, plain.status(), "never over plain HTTP: " + plain);
        assertTrue(!plain.body().contains("gatehouse_"), "no series over plain HTTP");
    }

    @Test
    void metricsWhenScrapedThenJvmPoolAndGatehouseSeriesInTheTextFormat() throws Exception {
        Http.get("/health/ready").send();
        Http.get("/.well-known/openid-configuration").send();

        PrometheusText metrics = scrape();

        assertTrue(metrics.samples().stream().anyMatch(s -> s.name().startsWith("jvm_") || s.name().startsWith("memory_")),
                "JVM series");
        assertTrue(metrics.samples().stream().anyMatch(s -> s.name().startsWith("connectionpool_")), "the database pool's series");
        assertTrue(metrics.sum("gatehouse_http_server_requests_seconds_count",
                "route", "/.well-known/openid-configuration", "method", "GET", "status", "2xx", "tenant", "default") >= 1,
                "request timer by route template");
        assertTrue(metrics.has("gatehouse_http_server_requests_seconds_bucket"), "a histogram, for quantiles");
    }

    @Test
    void seriesWhenSignInRegistrationTokenAndDecisionThenEachMovesByOne() throws Exception {
        GatewayRules.install("metrics-it.json", RULES, RULE);
        TestClient client = TestClients.confidential().grantTypes("client_credentials").create();
        String email = "metrics-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String password = "metrics-it-" + UUID.randomUUID();
        String account = "/admin/identities/" + UUID.randomUUID();
        PrometheusText before = scrape();

        assertEquals(200, ApiFlows.register("", email, password).status());
        assertEquals(200, ApiFlows.login("", email, password).status());
        assertEquals(400, ApiFlows.login("", email, "not the password").status());
        URI token = ItServer.get().uri("/oauth2/token");
        HTTPResponse issued = new TokenRequest.Builder(token, client.auth(token), new ClientCredentialsGrant()).build()
                .toHTTPRequest().send();
        assertEquals(200, issued.getStatusCode(), issued.getBody());
        Http.Response decision = Http.get("/decisions").header("X-Forwarded-Method", "GET").header("X-Forwarded-Proto", "http")
                .header("X-Forwarded-Host", "metrics.it.test").header("X-Forwarded-Uri", "/open/page").send();
        assertEquals(200, decision.status(), decision.toString());
        Http.get(account).admin().send();

        PrometheusText after = scrape();
        String[] tenant = {"tenant", "default"};
        assertEquals(1, delta(before, after, "gatehouse_registrations_total", "method", "password", "result", "success", tenant[0], tenant[1]));
        assertEquals(1, delta(before, after, "gatehouse_signins_total", "method", "password", "result", "success", tenant[0], tenant[1]));
        assertEquals(1, delta(before, after, "gatehouse_signins_total", "method", "password", "result", "failure", tenant[0], tenant[1]));
        assertEquals(1, delta(before, after, "gatehouse_oauth2_tokens_issued_total",
                "grant_type", "client_credentials", "token", "access_token", tenant[0], tenant[1]));
        assertEquals(1, delta(before, after, "gatehouse_gateway_decisions_total", "rule", RULE, "outcome", "allowed"));
        assertTrue(delta(before, after, "gatehouse_gateway_decision_seconds_count", "outcome", "allowed") >= 1);
        assertEquals(1, delta(before, after, "gatehouse_http_server_requests_seconds_count",
                "route", "/oauth2/token", "method", "POST", "status", "2xx", tenant[0], tenant[1]));
        assertTrue(delta(before, after, "gatehouse_http_server_requests_seconds_count",
                "route", "/admin/identities/{id}", "method", "GET") >= 1, "a route template, never the raw path");
        assertTrue(after.samples().stream().noneMatch(s -> account.equals(s.labels().get("route"))), "no series per path");
    }

    /**
     * Every series the dashboards and alert rules in observability/ query is in a real scrape, once what makes it
     * has happened: counters of rarer events (a lockout, a second factor, a mail given up) appear at their first.
     */
    @Test
    void dashboardsAndRulesWhenScrapedThenEverySeriesTheyQueryIsServed() throws Exception {
        Http.post("/oauth2/token").body("application/x-www-form-urlencoded", "grant_type=password".getBytes(StandardCharsets.UTF_8)).send();
        GatewayRules.install("metrics-it.json", RULES, RULE);
        Http.get("/decisions").header("X-Forwarded-Method", "GET").header("X-Forwarded-Proto", "http")
                .header("X-Forwarded-Host", "metrics.it.test").header("X-Forwarded-Uri", "/open/page").send();
        TestClient client = TestClients.confidential().grantTypes("client_credentials").create();
        URI token = ItServer.get().uri("/oauth2/token");
        new TokenRequest.Builder(token, client.auth(token), new ClientCredentialsGrant()).build().toHTTPRequest().send();
        new TokenRequest.Builder(token, client.auth(token), new com.nimbusds.oauth2.sdk.RefreshTokenGrant(
                new com.nimbusds.oauth2.sdk.token.RefreshToken("not-a-refresh-token"))).build().toHTTPRequest().send();
        ApiFlows.login("", "nobody-" + UUID.randomUUID() + "@example.test", "wrong");
        ApiFlows.register("", "metrics-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test", "metrics-it-" + UUID.randomUUID());

        PrometheusText metrics = scrape();

        java.util.Set<String> atFirstEvent = java.util.Set.of("gatehouse_lockouts_total", "gatehouse_mfa_challenges_total",
                "gatehouse_courier_send_failures_total", "gatehouse_courier_sent_total");
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (String[] e : dev.gatehouse.platform.metrics.ObservabilityFilesTest.expressions()) {
            for (String name : dev.gatehouse.platform.metrics.ObservabilityFilesTest.series(e[1])) {
                if (!metrics.has(name) && !atFirstEvent.contains(name)) {
                    missing.add(name + " (" + e[0] + ")");
                }
            }
        }
        assertEquals(java.util.List.of(), missing);
        assertTrue(metrics.sum("gatehouse_ready") == 1, "ready");
        assertTrue(metrics.first("gatehouse_jwk_signing_key_age_seconds").isPresent(), "key age");
        assertTrue(metrics.first("gatehouse_courier_queue_depth", "channel", "email").isPresent(), "courier backlog");
    }

    private static double delta(PrometheusText before, PrometheusText after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
