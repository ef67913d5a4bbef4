package dev.gatehouse.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 exchange over a plain socket, written byte for byte as given: for what {@code java.net.http} will
 * not send (any request line, any header) and for connecting from a chosen local address (e.g. {@code 127.0.0.2},
 * to stand for a proxy the server trusts).
 */
public final class RawHttp {

    private final String localAddress;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String body = "";

    private RawHttp(String localAddress) {
        this.localAddress = localAddress;
    }

    /** An exchange from this machine's default address. */
    public static RawHttp client() {
        return new RawHttp(null);
    }

    /** An exchange whose connection comes from {@code localAddress} (any 127.x.y.z works on loopback). */
    public static RawHttp from(String localAddress) {
        return new RawHttp(localAddress);
    }

    public RawHttp header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public RawHttp json(String json) {
        headers.put("Content-Type", "application/json");
        body = json;
        return this;
    }

    /** A form body ({@code application/x-www-form-urlencoded}), given already encoded. */
    public RawHttp form(String encoded) {
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        body = encoded;
        return this;
    }

    /** Sends {@code method target HTTP/1.1} with the headers (a {@code Host} of the test server unless given). */
    public Response send(String method, String target) {
        int port = ItServer.get().uri("/").getPort();
        StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        if (headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Host"))) {
            request.append("Host: localhost:").append(port).append("\r\n");
        }
        headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        if (content.length > 0) {
            request.append("Content-Length: ").append(content.length).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket()) {
            if (localAddress != null) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            }
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            return Response.parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A parsed answer: status, headers (names lower case, values in order) and the body, de-chunked. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        static Response parse(byte[] raw) throws IOException {
            int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            if (end < 0) {
                throw new IOException("no complete answer: " + new String(raw, StandardCharsets.ISO_8859_1));
            }
            String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
            byte[] rest = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
            boolean chunked = headers.getOrDefault("transfer-encoding", List.of()).stream().anyMatch(v -> v.equalsIgnoreCase("chunked"));
            return new Response(status, headers, new String(chunked ? dechunk(rest) : rest, StandardCharsets.UTF_8));
        }

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        public JsonObject jsonObject() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        private static byte[] dechunk(byte[] body) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            InputStream in = new java.io.ByteArrayInputStream(body);
            while (true) {
                StringBuilder size = new StringBuilder();
                for (int c = in.read(); c != '\n'; c = in.read()) {
                    if (c < 0) {
                        return out.toByteArray();
                    }
                    if (c != '\r') {
                        size.append((char) c);
                    }
                }
                int n = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
                if (n == 0) {
                    return out.toByteArray();
                }
                out.write(in.readNBytes(n));
                in.readNBytes(2);
            }
        }

        private static int indexOf(byte[] data, byte[] pattern) {
            outer:
            for (int i = 0; i <= data.length - pattern.length; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    if (data[i + j] != pattern[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }
}
