package dev.gatehouse.it.gateway;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The handlers that ask another service, against real HTTP peers: {@code cookie_session} and
 * {@code bearer_token} with {@code check_session_url} pointing at our own Kratos-compatible
 * {@code /sessions/whoami} (as an Oathkeeper in front of Kratos is set up) or at an echo server to show what
 * Oathkeeper's request options send there, {@code remote_json} against a
 * policy service started by the test (templated, JSON-escaped payload; 200 allows, 403 denies) and the
 * {@code hydrator} mutator against an enrichment API started by the test.
 */
@ExtendWith(ItServerReady.class)
class RemoteHandlersIT {

    static final String HOST = "remote-handlers.it.test";

    private static TestUpstream policy;
    private static TestUpstream sessionEcho;
    private static HttpServer hydrator;
    private static final List<JsonObject> hydratorSaw = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        policy = new TestUpstream();
        sessionEcho = new TestUpstream();
        hydrator = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        hydrator.createContext("/", x -> {
            try (x) {
                JsonObject session = Json.createReader(new StringReader(
                        new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))).readObject();
                hydratorSaw.add(session);
                boolean broken = x.getRequestURI().getPath().endsWith("/broken");
                byte[] answer = (broken ? "{\"error\":\"down\"}" : Json.createObjectBuilder(session)
                        .add("subject", "someone-else")
                        .add("extra", Json.createObjectBuilder(session.getJsonObject("extra")).add("plan", "gold"))
                        .add("header", Json.createObjectBuilder().add("X-Hydrated", Json.createArrayBuilder().add("yes")))
                        .build().toString()).getBytes(StandardCharsets.UTF_8);
                x.getResponseHeaders().add("Content-Type", "application/json");
                x.sendResponseHeaders(broken ? 500 : 200, answer.length);
                x.getResponseBody().write(answer);
            }
        });
        hydrator.start();
        String whoami = ItServer.get().uri("/sessions/whoami").toString();
        String policyUrl = "http://127.0.0.1:" + policy.port();
        String hydratorUrl = "http://127.0.0.1:" + hydrator.getAddress().getPort();
        String echoUrl = "http://127.0.0.1:" + sessionEcho.port();
        GatewayRules.install("remote-handlers-it.json", """
                [
                  {"id": "rh-cookie", "match": {"url": "http://remote-handlers.it.test/cookie", "methods": ["GET"]},
                   "authenticators": [{"handler": "cookie_session", "config": {"check_session_url": "%1$s",
                        "only": ["gatehouse_session"], "subject_from": "identity.id", "extra_from": "@this"}}],
                   "authorizer": {"handler": "allow"},
                   "mutators": [{"handler": "header", "config": {"headers": {"X-User": "{{ print .Subject }}",
                        "X-User-Email": "{{ print .Extra.identity.traits.email }}"}}}]},
                  {"id": "rh-bearer", "match": {"url": "http://remote-handlers.it.test/bearer", "methods": ["GET"]},
                   "authenticators": [{"handler": "bearer_token", "config": {"check_session_url": "%1$s",
                        "subject_from": "identity.id", "extra_from": "@this"}}],
                   "authorizer": {"handler": "allow"},
                   "mutators": [{"handler": "header", "config": {"headers": {"X-User": "{{ print .Subject }}"}}}]},
                  {"id": "rh-remote-json", "match": {"url": "http://remote-handlers.it.test/docs/<[^/]+>", "methods": ["GET"]},
                   "authenticators": [{"handler": "anonymous", "config": {"subject": "guest \\"quoted\\" \\\\ user"}}],
                   "authorizer": {"handler": "remote_json", "config": {"remote": "%2$s/policy",
                        "headers": {"X-Asked-By": "gatehouse"},
                        "payload": "{\\"subject\\": \\"{{ print .Subject }}\\", \\"resource\\": \\"{{ printIndex .MatchContext.RegexpCaptureGroups 0 }}\\"}"}},
                   "mutators": [{"handler": "noop"}]},
                  {"id": "rh-remote-json-deny", "match": {"url": "http://remote-handlers.it.test/secret/<[^/]+>", "methods": ["GET"]},
                   "authenticators": [{"handler": "anonymous"}],
                   "authorizer": {"handler": "remote_json", "config": {"remote": "%2$s/policy/deny",
                        "payload": "{\\"subject\\": \\"{{ print .Subject }}\\"}"}},
                   "mutators": [{"handler": "noop"}]},
                  {"id": "rh-hydrator", "match": {"url": "http://remote-handlers.it.test/hydrated", "methods": ["GET"]},
                   "authenticators": [{"handler": "anonymous", "config": {"subject": "visitor"}}],
                   "authorizer": {"handler": "allow"},
                   "mutators": [{"handler": "hydrator", "config": {"api": {"url": "%3$s/hydrate"}}},
                                {"handler": "header", "config": {"headers": {"X-User": "{{ print .Subject }}",
                                    "X-Plan": "{{ print .Extra.plan }}"}}}]},
                  {"id": "rh-session-options", "match": {"url": "http://remote-handlers.it.test/options", "methods": ["GET"]},
                   "authenticators": [{"handler": "bearer_token", "config": {"check_session_url": "%4$s/echo-session?from=url",
                        "force_method": "POST", "preserve_query": false, "preserve_host": true,
                        "forward_http_headers": ["X-Tenant"], "additional_headers": {"X-Gateway": "gatehouse"},
                        "subject_from": "path", "extra_from": "@this"}}],
                   "authorizer": {"handler": "allow"},
                   "mutators": [{"handler": "header", "config": {"headers": {"X-User": "{{ print .Subject }}",
                        "X-Seen-Query": "{{ print .Extra.query }}", "X-Seen-Method": "{{ print .Extra.method }}"}}}]},
                  {"id": "rh-hydrator-broken", "match": {"url": "http://remote-handlers.it.test/hydrated-broken", "methods": ["GET"]},
                   "authenticators": [{"handler": "anonymous"}], "authorizer": {"handler": "allow"},
                   "mutators": [{"handler": "hydrator", "config": {"api": {"url": "%3$s/broken"}}}]}
                ]
                """.formatted(whoami, policyUrl, hydratorUrl, echoUrl), "rh-hydrator-broken");
    }

    @AfterAll
    static void stop() {
        GatewayRules.delete("remote-handlers-it.json");
        policy.close();
        sessionEcho.close();
        hydrator.stop(0);
    }

    @Test
    void cookieSessionWhenCheckSessionUrlIsWhoamiThenSubjectAndTraitsFromKratosShape() {
        DecisionsApiIT.SignedUp me = DecisionsApiIT.SignedUp.create();

        Http.Response r = GatewayRules.decision("GET", HOST, "/cookie").header("Cookie", "gatehouse_session=" + me.token()).send();

        assertEquals(200, r.status(), r.toString());
        assertEquals(me.id(), r.header("X-User"));
        assertEquals(me.email(), r.header("X-User-Email"));
    }

    @Test
    void cookieSessionWhenWhoamiRefusesTheCookieThen401() {
        Http.Response r = GatewayRules.decision("GET", HOST, "/cookie").header("Cookie", "gatehouse_session=not-a-session").send();

        assertEquals(401, r.status(), r.toString());
        assertNull(r.header("X-User"));
    }

    @Test
    void bearerTokenWhenCheckSessionUrlIsWhoamiThenAuthorizationForwarded() {
        DecisionsApiIT.SignedUp me = DecisionsApiIT.SignedUp.create();

        Http.Response ok = GatewayRules.decision("GET", HOST, "/bearer").header("Authorization", "Bearer " + me.token()).send();
        Http.Response bad = GatewayRules.decision("GET", HOST, "/bearer").header("Authorization", "Bearer forged").send();

        assertEquals(200, ok.status(), ok.toString());
        assertEquals(me.id(), ok.header("X-User"));
        assertEquals(401, bad.status(), bad.toString());
    }

    @Test
    void bearerTokenWhenOathkeeperRequestOptionsThenTheSessionEndpointReceivesThem() {
        Http.Response r = GatewayRules.decision("GET", HOST, "/options?page=2&sort=asc")
                .header("Authorization", "Bearer tok-123").header("X-Tenant", "acme").header("X-Other", "private").send();

        assertEquals(200, r.status(), r.toString());
        assertEquals("/echo-session", r.header("X-User"), "the answer of check_session_url was used");
        assertEquals("page=2&sort=asc", r.header("X-Seen-Query"), "preserve_query: false sends the request's query");
        assertEquals("POST", r.header("X-Seen-Method"), "force_method");
        List<TestUpstream.Received> seen = sessionEcho.received("/echo-session");
        TestUpstream.Received last = seen.get(seen.size() - 1);
        assertEquals("POST", last.method());
        assertEquals(List.of("Bearer tok-123"), last.header("Authorization"));
        assertEquals(List.of("acme"), last.header("X-Tenant"), "forward_http_headers");
        assertEquals(List.of("gatehouse"), last.header("X-Gateway"), "additional_headers");
        assertEquals(List.of(HOST), last.header("X-Forwarded-Host"), "preserve_host");
        assertEquals(List.of(), last.header("X-Other"), "headers not named are not forwarded");
    }

    @Test
    void remoteJsonWhenPolicyAllowsThenItGotTheEscapedPayloadAndHeaders() {
        int before = policy.received("/policy").size();

        Http.Response r = GatewayRules.decision("GET", HOST, "/docs/report-7").send();

        assertEquals(200, r.status(), r.toString());
        List<TestUpstream.Received> asked = policy.received("/policy");
        assertEquals(before + 1, asked.size());
        TestUpstream.Received last = asked.get(asked.size() - 1);
        assertEquals("POST", last.method());
        assertEquals(List.of("application/json"), last.header("Content-Type"));
        assertEquals(List.of("gatehouse"), last.header("X-Asked-By"));
        JsonObject payload = Json.createReader(new StringReader(new String(last.body(), StandardCharsets.UTF_8))).readObject();
        assertEquals("guest \"quoted\" \\ user", payload.getString("subject"));
        assertEquals("report-7", payload.getString("resource"));
        assertEquals(2, payload.size(), "nothing was injected into the payload: " + payload);
    }

    @Test
    void remoteJsonWhenPolicyAnswers403ThenForbidden() {
        Http.Response r = GatewayRules.decision("GET", HOST, "/secret/plans").send();

        assertEquals(403, r.status(), r.toString());
        assertFalse(policy.received("/policy/deny").isEmpty(), "the policy service was asked");
    }

    @Test
    void hydratorWhenApiEnrichesThenLaterMutatorsSeeExtraButSubjectStays() {
        Http.Response r = GatewayRules.decision("GET", HOST, "/hydrated").header("X-Plan", "forged").send();

        assertEquals(200, r.status(), r.toString());
        assertEquals("gold", r.header("X-Plan"));
        assertEquals("yes", r.header("X-Hydrated"));
        assertEquals("visitor", r.header("X-User"), "the hydrator cannot change who the subject is");
        JsonObject sent = hydratorSaw.stream().filter(s -> s.getString("subject").equals("visitor")).findFirst().orElseThrow();
        assertEquals("GET", sent.getJsonObject("match_context").getString("method"));
        assertEquals("http://remote-handlers.it.test/hydrated", sent.getJsonObject("match_context").getString("url"));
    }

    @Test
    void hydratorWhenApiFailsThenDeniedWithoutDetails() {
        Http.Response r = GatewayRules.decision("GET", HOST, "/hydrated-broken").send();

        assertEquals(500, r.status(), r.toString());
        assertEquals(-1, r.body().indexOf("down"), r.body());
    }
}
