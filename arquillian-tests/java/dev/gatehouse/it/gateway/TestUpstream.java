package dev.gatehouse.it.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real upstream HTTP server (JDK {@code HttpServer}) for the proxy tests. {@code /echo...} answers with
 * what it received (method, path, query, headers, body size and SHA-256); {@code /stream} sends a large
 * chunked body; {@code /slow} waits before answering; a path ending in {@code /deny} answers 403 (a remote
 * authorizer that says no). It counts every request it sees and keeps what each path received (method,
 * headers, body), so tests can show what reached it, and that a denied request never did.
 */
final class TestUpstream implements AutoCloseable {

    static final int STREAM_BYTES = 2 * 1024 * 1024;

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, AtomicInteger> byPath = new ConcurrentHashMap<>();
    private final Map<String, List<Received>> receivedByPath = new ConcurrentHashMap<>();

    /** One request as it arrived: header names in lower case. */
    record Received(String method, Map<String, List<String>> headers, byte[] body) {
        List<String> header(String name) {
            return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
        }
    }

    TestUpstream() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The session cookie a request to a path ending in {@code /cookie} is answered with. */
    static final String SET_COOKIE = "s3cr3t-of-one-user";

    private final AtomicInteger endlessEnded = new AtomicInteger();

    int requests() {
        return requests.get();
    }

    /** What the requests to this path received, oldest first. */
    List<Received> received(String path) {
        return List.copyOf(receivedByPath.getOrDefault(path, List.of()));
    }

    private void handle(HttpExchange x) throws IOException {
        requests.incrementAndGet();
        String path = x.getRequestURI().getRawPath();
        byPath.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try (x) {
            if (path.endsWith("/slow")) {
                sleep(5000);
                send(x, 200, "late");
                return;
            }
            if (path.endsWith("/endless")) {
                endless(x);
                return;
            }
            if (path.endsWith("/stream")) {
                x.getResponseHeaders().add("Content-Type", "application/octet-stream");
                x.sendResponseHeaders(200, 0);
                try (OutputStream out = x.getResponseBody()) {
                    out.write(bytes(STREAM_BYTES));
                }
                return;
            }
            byte[] received;
            try (InputStream in = x.getRequestBody()) {
                received = in.readAllBytes();
            }
            Map<String, List<String>> lowerCase = new java.util.TreeMap<>();
            x.getRequestHeaders().forEach((k, v) -> lowerCase.put(k.toLowerCase(java.util.Locale.ROOT), List.copyOf(v)));
            receivedByPath.computeIfAbsent(path, p -> new java.util.concurrent.CopyOnWriteArrayList<>())
                    .add(new Received(x.getRequestMethod(), lowerCase, received));
            if (path.endsWith("/deny")) {
                send(x, 403, "no");
                return;
            }
            MessageDigest sha = sha256();
            sha.update(received);
            long size = received.length;
            JsonObjectBuilder headers = Json.createObjectBuilder();
            x.getRequestHeaders().forEach((k, v) -> headers.add(k.toLowerCase(java.util.Locale.ROOT), Json.createArrayBuilder(v)));
            String body = Json.createObjectBuilder()
                    .add("method", x.getRequestMethod())
                    .add("path", path)
                    .add("query", x.getRequestURI().getRawQuery() == null ? "" : x.getRequestURI().getRawQuery())
                    .add("headers", headers)
                    .add("bytes", size)
                    .add("sha256", HexFormat.of().formatHex(sha.digest()))
                    .build().toString();
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.getResponseHeaders().add("X-Upstream", "yes");
            if (path.endsWith("/cookie")) {
                x.getResponseHeaders().add("Set-Cookie", "upstream_session=" + SET_COOKIE + "; Path=/; HttpOnly");
            }
            send(x, path.endsWith("/created") ? 201 : 200, body);
        }
    }

    /** Streams until the reader goes away (or for a minute at most), then counts one ended stream. */
    private void endless(HttpExchange x) throws IOException {
        x.getResponseHeaders().add("Content-Type", "application/octet-stream");
        x.sendResponseHeaders(200, 0);
        byte[] chunk = bytes(16384);
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
        try (OutputStream out = x.getResponseBody()) {
            while (System.nanoTime() < until) {
                out.write(chunk);
                out.flush();
            }
        } catch (IOException readerGone) {
            endlessEnded.incrementAndGet();
        }
    }

    /** How many endless streams ended because their reader went away. */
    int endlessEnded() {
        return endlessEnded.get();
    }

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + (i >> 8));
        }
        return b;
    }

    static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(sha256().digest(data));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static List<String> values(jakarta.json.JsonObject echo, String header) {
        var v = echo.getJsonObject("headers").getJsonArray(header.toLowerCase(java.util.Locale.ROOT));
        return v == null ? List.of() : v.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
