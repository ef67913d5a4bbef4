package dev.gatehouse.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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
    private String method;
    private String target;
    private final Map<String, String> headers = new LinkedHashMap<>();
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
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        headers.putIfAbsent("Host", "localhost");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (body.length > 0) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket()) {
            if (localAddress != null) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            }
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return Response.parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer: status, headers (names in lower case; the first of repeated ones) and the body, de-chunked. */
    public record Response(int status, Map<String, String> headers, String body) {

        static Response parse(byte[] bytes) throws IOException {
            String all = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = all.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new IOException("no complete answer: " + all);
            }
            String[] lines = all.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = dechunk(new java.io.ByteArrayInputStream(body));
            }
            return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
        }

        private static byte[] dechunk(InputStream in) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                StringBuilder size = new StringBuilder();
                int c;
                while ((c = in.read()) >= 0 && c != '\n') {
                    if (c != '\r') {
                        size.append((char) c);
                    }
                }
                if (size.length() == 0) {
                    return out.toByteArray();
                }
                int semicolon = size.indexOf(";");
                int n = Integer.parseInt((semicolon < 0 ? size.toString() : size.substring(0, semicolon)).trim(), 16);
                if (n == 0) {
                    return out.toByteArray();
                }
                out.write(in.readNBytes(n));
                in.readNBytes(2);
            }
        }

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
