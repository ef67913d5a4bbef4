package dev.gatehouse.it.gateway;

import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reverse proxy on its own port in front of a real upstream: bodies both ways, header mutation with
 * forged headers stripped, strip_path and preserve_host, X-Forwarded-*, an upstream that is down or slow,
 * bounded in-flight requests, and nothing reaching the upstream without a rule's permission.
 */
@ExtendWith(ItServerReady.class)
class ReverseProxyIT {

    static final String HOST = "proxy.it.test";
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    static TestUpstream upstream;

    @BeforeAll
    static void start() throws IOException {
        upstream = new TestUpstream();
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String up = "http://127.0.0.1:" + upstream.port();
        String rules = """
                [
                  {"id": "px-app", "upstream": {"url": "%1$s/backend", "strip_path": "/app"},
                   "match": {"url": "http://proxy.it.test/app/<.*>", "methods": ["GET", "POST", "PUT", "DELETE", "OPTIONS"]},
                   "authenticators": [{"handler": "anonymous", "config": {"subject": "guest"}}], "authorizer": {"handler": "allow"},
                   "mutators": [{"handler": "header", "config": {"headers": {"X-User": "{{ print .Subject }}"}}},
                                {"handler": "cookie", "config": {"cookies": {"gw_user": "{{ print .Subject }}"}}}]},
                  {"id": "px-host", "upstream": {"url": "%1$s", "preserve_host": true},
                   "match": {"url": "http://proxy.it.test/host/<.*>", "methods": ["GET"]},
                   "authenticators": [{"handler": "noop"}], "authorizer": {"handler": "allow"}, "mutators": [{"handler": "noop"}]},
                  {"id": "px-private", "upstream": {"url": "%1$s"},
                   "match": {"url": "http://proxy.it.test/private/<.*>", "methods": ["GET", "POST"]},
                   "authenticators": [{"handler": "bearer_token"}], "authorizer": {"handler": "allow"}, "mutators": [{"handler": "noop"}]},
                  {"id": "px-down", "upstream": {"url": "http://127.0.0.1:%2$d"},
                   "match": {"url": "http://proxy.it.test/down/<.*>", "methods": ["GET"]},
                   "authenticators": [{"handler": "noop"}], "authorizer": {"handler": "allow"}, "mutators": [{"handler": "noop"}]}
                ]
                """.formatted(up, closed);
        GatewayRules.install("proxy-it.json", rules, "px-down");
    }

    @AfterAll
    static void stop() {
        GatewayRules.delete("proxy-it.json");
        upstream.close();
    }

    static HttpResponse<byte[]> send(HttpRequest.Builder b) {
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ItServer.get().gatewayProxyPort() + path))
                .header("Host", HOST).timeout(Duration.ofSeconds(20));
    }

    static JsonObject json(HttpResponse<byte[]> r) {
        return Json.createReader(new StringReader(new String(r.body()))).readObject();
    }

    @Test
    void getWhenAllowedThenUpstreamSeesStrippedPathQueryAndOnlyTheMutatedUser() {
        HttpResponse<byte[]> r = send(request("/app/echo/a%20b?x=1&y=%2F").header("X-User", "admin").header("x-user", "root")
                .header("Cookie", "gw_user=admin; theme=dark"));

        assertEquals(200, r.statusCode(), new String(r.body()));
        JsonObject echo = json(r);
        assertEquals("GET", echo.getString("method"));
        assertEquals("/backend/echo/a%20b", echo.getString("path"));
        assertEquals("x=1&y=%2F", echo.getString("query"));
        assertEquals(List.of("guest"), TestUpstream.values(echo, "X-User"));
        String cookie = String.join(";", TestUpstream.values(echo, "Cookie"));
        assertTrue(cookie.contains("gw_user=guest") && cookie.contains("theme=dark") && !cookie.contains("admin"), cookie);
        assertEquals(List.of("proxy.it.test"), TestUpstream.values(echo, "X-Forwarded-Host"));
        assertEquals(List.of("http"), TestUpstream.values(echo, "X-Forwarded-Proto"));
        assertEquals(List.of("127.0.0.1:" + upstream.port()), TestUpstream.values(echo, "Host"));
        assertEquals("yes", r.headers().firstValue("X-Upstream").orElse(null));
        assertTrue(r.headers().allValues("Content-Security-Policy").isEmpty(), "the upstream's answer keeps its own policy");
    }

    @Test
    void getWhenUpstreamSetsACookieThenOnlyThatClientGetsItAndTheProxyAddsNothingToLaterRequests() {
        HttpResponse<byte[]> first = send(request("/app/cookie"));
        assertEquals(200, first.statusCode(), new String(first.body()));
        assertEquals(List.of("upstream_session=" + TestUpstream.SET_COOKIE + "; Path=/; HttpOnly"),
                first.headers().allValues("Set-Cookie"));

        HttpResponse<byte[]> later = send(request("/app/echo"));

        assertEquals(200, later.statusCode(), new String(later.body()));
        JsonObject echo = json(later);
        String cookie = String.join(";", TestUpstream.values(echo, "Cookie"));
        assertFalse(cookie.contains("upstream_session"), "a cookie of another client's answer was sent on: " + cookie);
        assertEquals(List.of(), TestUpstream.values(echo, "Accept-Encoding"), "no compression asked for on the client's behalf");
    }

    @Test
    void getWhenTheClientSendsNoUserAgentThenTheUpstreamSeesNone() throws IOException {
        String answer = raw("GET /app/echo HTTP/1.1\r\nHost: " + HOST + "\r\nConnection: close\r\n\r\n");

        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        JsonObject echo = Json.createReader(new StringReader(answer.substring(answer.indexOf("\r\n\r\n") + 4))).readObject();
        assertEquals(List.of(), TestUpstream.values(echo, "User-Agent"));
    }

    @Test
    void optionsWhenDeclaredEmptyBodyThenForwarded() throws IOException {
        String answer = raw("OPTIONS /app/echo HTTP/1.1\r\nHost: " + HOST + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        JsonObject echo = Json.createReader(new StringReader(answer.substring(answer.indexOf("\r\n\r\n") + 4))).readObject();
        assertEquals("OPTIONS", echo.getString("method"));
        assertEquals(0, echo.getInt("bytes"));
    }

    @Test
    void clientsThatHangUpMidEndlessAnswerThenUpstreamConnectionsDroppedAndSlotsFree() throws Exception {
        // one more than the IT server's two upstream slots: a slot kept for a client that hung up would turn the
        // last one to 503, and an upstream stream read on for nobody would never end
        for (int i = 0; i < 3; i++) {
            int ended = upstream.endlessEnded();
            try (Socket s = new Socket("127.0.0.1", ItServer.get().gatewayProxyPort())) {
                s.setSoTimeout(20_000);
                s.getOutputStream().write(("GET /app/endless HTTP/1.1\r\nHost: " + HOST + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                InputStream in = s.getInputStream();
                byte[] buffer = new byte[8192];
                StringBuilder head = new StringBuilder();
                int read = 0;
                while (read < 256 * 1024) {
                    int n = in.read(buffer);
                    assertTrue(n > 0, "answer " + (i + 1) + " ended after " + read + " bytes: " + head);
                    if (head.length() < 600) {
                        head.append(new String(buffer, 0, Math.min(n, 600), StandardCharsets.ISO_8859_1));
                    }
                    read += n;
                }
            }
            Instant deadline = Instant.now().plusSeconds(20);
            while (upstream.endlessEnded() == ended && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertEquals(ended + 1, upstream.endlessEnded(), "the upstream stream was still read after its client had gone");
        }

        assertEquals(200, send(request("/app/echo")).statusCode());
    }

    /** One request written as it is on a connection of its own, and the whole answer as text. */
    private static String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", ItServer.get().gatewayProxyPort())) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void postWhenLargeChunkedBodyThenStreamedWholeToUpstream() {
        byte[] body = TestUpstream.bytes(3 * 1024 * 1024 + 17);

        HttpResponse<byte[]> r = send(request("/app/echo").header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertEquals(200, r.statusCode(), new String(r.body()));
        assertEquals(body.length, json(r).getJsonNumber("bytes").longValue());
        assertEquals(TestUpstream.sha256Hex(body), json(r).getString("sha256"));
        assertEquals("POST", json(r).getString("method"));
    }

    @Test
    void putWhenFixedLengthBodyThenUpstreamStatusAndBodyComeBack() {
        byte[] body = "{\"name\":\"ada\"}".getBytes();

        HttpResponse<byte[]> r = send(request("/app/created").PUT(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertEquals(201, r.statusCode());
        assertEquals(body.length, json(r).getInt("bytes"));
    }

    @Test
    void getWhenUpstreamStreamsLargeBodyThenClientGetsAllOfIt() {
        HttpResponse<byte[]> r = send(request("/app/stream"));

        assertEquals(200, r.statusCode());
        assertEquals(TestUpstream.STREAM_BYTES, r.body().length);
        assertEquals(TestUpstream.sha256Hex(TestUpstream.bytes(TestUpstream.STREAM_BYTES)), TestUpstream.sha256Hex(r.body()));
    }

    @Test
    void getWhenPreserveHostThenUpstreamSeesClientHost() {
        HttpResponse<byte[]> r = send(request("/host/echo"));

        assertEquals(200, r.statusCode(), new String(r.body()));
        assertEquals(List.of(HOST), TestUpstream.values(json(r), "Host"));
    }

    @Test
    void requestWhenNotAllowedOrNoRuleOrHostileThenUpstreamNeverSeesIt() {
        int before = upstream.requests();

        assertEquals(401, send(request("/private/echo")).statusCode());
        assertEquals(401, send(request("/private/echo").header("Authorization", "Bearer ory_st_forged")).statusCode());
        assertEquals(404, send(request("/elsewhere/echo")).statusCode());
        assertEquals(404, send(request("/app/echo").method("PATCH", HttpRequest.BodyPublishers.noBody())).statusCode());
        assertEquals(400, send(request("/app/..%2fprivate/echo")).statusCode());
        assertEquals(400, send(request("/app/%252e%252e/private/echo")).statusCode());
        HttpResponse<byte[]> traversal = send(request("/app/../private/echo"));
        assertEquals(400, traversal.statusCode());
        assertEquals("dot_segment", json(traversal).getJsonObject("error").getString("id"));

        assertEquals(before, upstream.requests());
    }

    @Test
    void getWhenUpstreamDownThen502() {
        HttpResponse<byte[]> r = send(request("/down/x"));

        assertEquals(502, r.statusCode());
        assertEquals(502, json(r).getJsonObject("error").getInt("code"));
    }

    @Test
    void getWhenUpstreamSlowThen504WithinTheTimeout() {
        Instant start = Instant.now();

        HttpResponse<byte[]> r = send(request("/app/slow"));

        assertEquals(504, r.statusCode());
        assertTrue(Duration.between(start, Instant.now()).toMillis() < 4500, "answered after the configured 2 s timeout");
    }

    @Test
    void manySlowRequestsAtOnceThenThoseBeyondTheBoundGet503QuicklyInsteadOfPilingUp() {
        // the IT server allows 2 upstream requests in flight; each slow one holds its slot for the 2 s timeout
        List<CompletableFuture<long[]>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Instant sent = Instant.now();
            calls.add(CLIENT.sendAsync(request("/app/slow").build(), HttpResponse.BodyHandlers.discarding())
                    .thenApply(r -> new long[] {r.statusCode(), Duration.between(sent, Instant.now()).toMillis()}));
        }
        List<long[]> answers = calls.stream().map(CompletableFuture::join).toList();

        List<long[]> busy = answers.stream().filter(a -> a[0] == 503).toList();
        assertTrue(!busy.isEmpty(), "some requests found every upstream slot taken");
        assertTrue(answers.stream().allMatch(a -> a[0] == 503 || a[0] == 504));
        assertTrue(answers.stream().filter(a -> a[0] == 504).count() <= 8);
        assertTrue(busy.stream().allMatch(a -> a[1] < 5000), "a busy answer does not wait for an upstream");
    }

    @Test
    void mainPortWhenProxiedPathThenNotProxied() {
        int before = upstream.requests();

        int status = dev.gatehouse.it.support.Http.get("/app/echo").send().status();

        assertTrue(status == 404, "main port answers " + status);
        assertEquals(before, upstream.requests());
    }
}
