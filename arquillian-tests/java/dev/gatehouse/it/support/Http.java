package dev.gatehouse.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Black-box HTTP against the test server: what a client puts on the wire and what comes back. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            // HTTP/1.1: with an h2c upgrade the Host header would give way to :authority
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final ItServer server;
    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

    private Http(String method, String path) {
        this.server = ItServer.get();
        this.method = method;
        this.path = path;
    }

    /** A GET of {@code path} on the test server, or of an absolute URL ({@code http://...}) elsewhere. */
    public static Http get(String path) {
        return new Http("GET", path);
    }

    public static Http post(String path) {
        return new Http("POST", path);
    }

    public static Http method(String method, String path) {
        return new Http(method, path);
    }

    public Http header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Http admin() {
        return header("Authorization", "Bearer " + server.adminKey());
    }

    public Http json(String json) {
        headers.put("Content-Type", "application/json");
        body = HttpRequest.BodyPublishers.ofString(json);
        return this;
    }

    public Http body(String contentType, byte[] bytes) {
        headers.put("Content-Type", contentType);
        body = HttpRequest.BodyPublishers.ofByteArray(bytes);
        return this;
    }

    /** A body sent chunked (no Content-Length), as a streaming client would. */
    public Http chunked(String contentType, byte[] bytes) {
        headers.put("Content-Type", contentType);
        body = HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes));
        return this;
    }

    public Response send() {
        // an absolute URL names another server (e.g. another node); a path is the test server's
        java.net.URI target = path.startsWith("http://") || path.startsWith("https://") ? java.net.URI.create(path) : server.uri(path);
        HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .method(method, body);
        // a Host header is allowed by -Djdk.httpclient.allowRestrictedHeaders=host (failsafe argLine)
        headers.forEach(b::header);
        try {
            return new Response(CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What came back. */
    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public JsonObject jsonObject() {
            return (JsonObject) json();
        }

        public JsonStructure json() {
            try (JsonReader r = Json.createReader(new StringReader(body()))) {
                return r.read();
            }
        }

        @Override
        public String toString() {
            return status() + " " + contentType() + " " + body();
        }
    }
}
