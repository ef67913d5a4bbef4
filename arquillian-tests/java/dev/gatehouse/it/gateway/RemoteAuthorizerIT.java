package dev.gatehouse.it.gateway;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code remote} authorizer as Oathkeeper's: the remote endpoint (a real HTTP server that records what it
 * got) receives the original body and Content-Type, and after it allows, the upstream receives the same body.
 * Through the reverse proxy and the decisions API; a denial and an oversized body reach no upstream. The IT
 * server reads at most 32 KiB of a body for the authorizer.
 */
@ExtendWith(ItServerReady.class)
class RemoteAuthorizerIT {

    static final String HOST = "remote-body.it.test";
    static final int LIMIT = 32768;
    static TestUpstream server;

    @BeforeAll
    static void start() throws IOException {
        server = new TestUpstream();
        String base = "http://127.0.0.1:" + server.port();
        String rules = """
                [
                  {"id": "rb-allow", "upstream": {"url": "%1$s/backend"},
                   "match": {"url": "http://remote-body.it.test/orders/<.*>", "methods": ["GET", "POST", "PUT"]},
                   "authenticators": [{"handler": "anonymous", "config": {"subject": "guest"}}, {"handler": "noop"}],
                   "authorizer": {"handler": "remote", "config": {"remote": "%1$s/authz/allow",
                                  "headers": {"X-Subject": "{{ print .Subject }}"}}},
                   "mutators": [{"handler": "noop"}]},
                  {"id": "rb-deny", "upstream": {"url": "%1$s/backend"},
                   "match": {"url": "http://remote-body.it.test/vault/<.*>", "methods": ["POST"]},
                   "authenticators": [{"handler": "anonymous"}],
                   "authorizer": {"handler": "remote", "config": {"remote": "%1$s/authz/deny"}},
                   "mutators": [{"handler": "noop"}]}
                ]
                """.formatted(base);
        GatewayRules.install("remote-body-it.json", rules, "rb-deny");
    }

    @AfterAll
    static void stop() {
        GatewayRules.delete("remote-body-it.json");
        server.close();
    }

    private static HttpRequest.Builder proxied(String path) {
        return ReverseProxyIT.request(path).setHeader("Host", HOST);
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }

    @Test
    void postThroughProxyWhenRemoteAllowsThenAuthorizerAndUpstreamGetTheSameBodyAndContentType() {
        String id = unique();
        byte[] json = ("{\"order\":\"" + id + "\",\"note\":\"grüße\"}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<byte[]> r = ReverseProxyIT.send(proxied("/orders/" + id)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)));

        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        TestUpstream.Received asked = lastAuthorizerCall("/authz/allow", id);
        assertEquals("POST", asked.method());
        assertEquals(List.of("application/json; charset=utf-8"), asked.header("Content-Type"));
        assertEquals(List.of("guest"), asked.header("X-Subject"));
        List<TestUpstream.Received> upstream = server.received("/backend/orders/" + id);
        assertEquals(1, upstream.size());
        assertEquals("POST", upstream.get(0).method());
        assertArrayEquals(json, upstream.get(0).body());
        assertEquals(List.of("application/json; charset=utf-8"), upstream.get(0).header("Content-Type"));
    }

    @Test
    void putThroughProxyWhenChunkedBodyWithinLimitThenBothGetAllOfIt() {
        String id = unique();
        byte[] body = TestUpstream.bytes(LIMIT);
        body[0] = (byte) id.hashCode();

        HttpResponse<byte[]> r = ReverseProxyIT.send(proxied("/orders/" + id)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertArrayEquals(body, server.received("/backend/orders/" + id).get(0).body());
        assertTrue(server.received("/authz/allow").stream().anyMatch(a -> java.util.Arrays.equals(body, a.body())));
    }

    @Test
    void getThroughProxyWhenNoBodyThenAuthorizerGetsEmptyBodyAndNoContentType() {
        String id = unique();

        HttpResponse<byte[]> r = ReverseProxyIT.send(proxied("/orders/" + id).header("Authorization", "Bearer " + id));

        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        TestUpstream.Received asked = server.received("/authz/allow").stream()
                .filter(a -> a.header("Authorization").equals(List.of("Bearer " + id))).findFirst().orElseThrow();
        assertEquals(0, asked.body().length);
        assertEquals(List.of(), asked.header("Content-Type"));
        assertEquals("GET", server.received("/backend/orders/" + id).get(0).method());
    }

    @Test
    void postThroughProxyWhenRemoteDeniesThen403AndUpstreamReceivesNothing() {
        String id = unique();
        byte[] json = ("{\"vault\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<byte[]> r = ReverseProxyIT.send(proxied("/vault/" + id).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)));

        assertEquals(403, r.statusCode());
        assertEquals(403, ReverseProxyIT.json(r).getJsonObject("error").getInt("code"));
        assertTrue(server.received("/authz/deny").stream().anyMatch(a -> java.util.Arrays.equals(json, a.body())));
        assertEquals(List.of(), server.received("/backend/vault/" + id));
    }

    @Test
    void postThroughProxyWhenBodyOverLimitThen413AndNeitherAuthorizerNorUpstreamSeesIt() {
        String id = unique();
        int before = server.requests();

        HttpResponse<byte[]> declared = ReverseProxyIT.send(proxied("/orders/" + id).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT + 1])));
        HttpResponse<byte[]> chunked = ReverseProxyIT.send(proxied("/orders/" + id).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[LIMIT + 1]))));

        assertEquals(413, declared.statusCode());
        assertEquals(413, ReverseProxyIT.json(declared).getJsonObject("error").getInt("code"));
        assertEquals(413, chunked.statusCode());
        assertEquals(before, server.requests());
    }

    @Test
    void decisionWhenRequestHasBodyThenAuthorizerGetsItAndAllows() {
        String id = unique();
        String json = "{\"order\":\"" + id + "\"}";

        Http.Response r = decision("/orders/" + id).json(json).send();

        assertEquals(200, r.status(), r.toString());
        TestUpstream.Received asked = lastAuthorizerCall("/authz/allow", id);
        assertEquals(json, new String(asked.body(), StandardCharsets.UTF_8));
        assertEquals(List.of("application/json"), asked.header("Content-Type"));
    }

    @Test
    void decisionWhenBodyOverLimitThen413InOathkeepersShape() {
        int before = server.requests();

        Http.Response r = decision("/orders/" + unique()).body("application/json", new byte[LIMIT + 1]).send();

        assertEquals(413, r.status(), r.toString());
        assertEquals(413, r.jsonObject().getJsonObject("error").getInt("code"));
        assertEquals(before, server.requests());
    }

    private static Http decision(String uri) {
        return Http.method("POST", "/decisions" + uri)
                .header("X-Forwarded-Method", "POST")
                .header("X-Forwarded-Proto", "http")
                .header("X-Forwarded-Host", HOST)
                .header("X-Forwarded-Uri", uri);
    }

    /** The authorizer call whose body mentions this test's id (tests may run while others call it). */
    private static TestUpstream.Received lastAuthorizerCall(String path, String id) {
        return server.received(path).stream()
                .filter(a -> new String(a.body(), StandardCharsets.UTF_8).contains(id))
                .reduce((first, second) -> second).orElseThrow(() -> new AssertionError("the authorizer never got " + id));
    }
}
