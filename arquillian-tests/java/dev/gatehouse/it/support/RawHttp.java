package dev.gatehouse.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request written byte for byte on a plain socket: the request target goes on the wire exactly
 * as given ({@code /a/../b}, {@code %2e%2e}, a backslash, a bare {@code %}), and any header, which HTTP client
 * libraries normalise or refuse before sending. The connection may come from a chosen loopback address (e.g.
 * {@code 127.0.0.2}, to stand for a proxy the server trusts), and is closed after the answer.
 */
public final class RawHttp {

    private final int port;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String method;
    private String target;
    private String localAddress;
    private byte[] body = new byte[0];

    private RawHttp(int port, String method, String target) {
        this.port = port;
        this.method = method;
        this.target = target;
    }

    /** A request to the test server's main port whose method and target {@link #send(String, String)} names. */
    public static RawHttp client() {
        return request(null, null);
    }

    /** A GET for {@code target} to the test server's main port. */
    public static RawHttp get(String target) {
        return request("GET", target);
    }

    /** Any method (even one HTTP clients refuse) for {@code target} to the test server's main port. */
    public static RawHttp request(String method, String target) {
        return new RawHttp(ItServer.get().uri("").getPort(), method, target);
    }

    /** A GET for {@code target} to whatever listens on this local port (nginx in front of the test server). */
    public static RawHttp to(int port, String target) {
        return new RawHttp(port, "GET", target);
    }

    /** A GET for {@code target} to the test server's reverse-proxy port. */
    public static RawHttp proxy(String target) {
        return new RawHttp(ItServer.get().gatewayProxyPort(), "GET", target);
    }

    public RawHttp header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Connects from this local address (any 127.x.y.z works on loopback). */
    public RawHttp from(String address) {
        this.localAddress = address;
        return this;
    }

    public RawHttp json(String json) {
        headers.put("Content-Type", "application/json");
        body = json.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** A form body ({@code application/x-www-form-urlencoded}), given already encoded. */
    public RawHttp form(String encoded) {
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        body = encoded.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** Sends {@code method target} (for a request made by {@link #client()}). */
    public Response send(String method, String target) {
        this.method = method;
        this.target = target;
        return send();
    }

    public Response send() {
        List<RawWire.Header> lines = new ArrayList<>();
        headers.putIfAbsent("Host", "localhost");
        headers.forEach((k, v) -> lines.add(new RawWire.Header(k, v)));
        try {
            RawWire.Answer answer = RawWire.exchange(localAddress, port,
                    RawWire.request(method, target, lines, body.length > 0 ? body : null), Duration.ofSeconds(30));
            Map<String, String> first = new LinkedHashMap<>();
            answer.headers().forEach(h -> first.putIfAbsent(h.name().toLowerCase(Locale.ROOT), h.value()));
            return new Response(answer.status(), first, answer.text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer: status, headers (names in lower case; the first of repeated ones) and the body, de-chunked. */
    public record Response(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonObject jsonObject() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                return r.readObject();
            }
        }

        @Override
        public String toString() {
            return status + " " + header("Content-Type") + " " + body;
        }
    }
}
