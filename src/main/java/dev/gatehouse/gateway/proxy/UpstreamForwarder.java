package dev.gatehouse.gateway.proxy;

import dev.gatehouse.kernel.log.TraceIds;
import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.ErrorKind;
import dev.gatehouse.gateway.GatewayConfig;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.gateway.engine.Enforcement;
import dev.gatehouse.gateway.rule.Upstream;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Sends an allowed request to its rule's upstream and streams the answer back. Bodies stream both ways
 * (never held whole in memory), except a request body a handler already read to decide (the {@code remote}
 * authorizer, bounded), which is sent on as those same bytes. At most {@code proxy.max-connections} requests are in flight; one more
 * waits briefly and then gets 503, so a slow upstream cannot pile up server threads. An upstream that
 * refuses connections gives 502, one that does not answer within {@code proxy.timeout} gives 504. The
 * upstream sees {@code X-Forwarded-For/-Proto/-Host}; client headers named by the mutators, hop-by-hop
 * headers and the client's {@code Host} (unless {@code preserve_host}) are not forwarded.
 */
@ApplicationScoped
public class UpstreamForwarder {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "content-length", "expect", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "forwarded");
    private static final long QUEUE_WAIT_MS = 500;

    private GatewayConfig config;
    private HttpClient client;
    private Semaphore slots;
    private ExecutorService executor;

    protected UpstreamForwarder() {
    }

    @Inject
    public UpstreamForwarder(GatewayConfig config) {
        this.config = config;
        this.slots = new Semaphore(config.proxyMaxConnections());
        // not a small fixed pool: a body publisher blocked on a client that stopped sending must not starve the
        // others; how many requests are in flight is bounded by the slots instead
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "gatehouse-proxy");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder().connectTimeout(config.proxyConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).executor(executor).build();
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }

    /** Throws {@link GatewayException} (502, 503, 504) when nothing was sent back yet. */
    public void forward(Upstream upstream, GatewayRequest request, AuthenticationSession session,
                        HttpServletRequest in, HttpServletResponse out) throws IOException {
        try {
            if (!slots.tryAcquire(QUEUE_WAIT_MS, TimeUnit.MILLISECONDS)) {
                throw new GatewayException(ErrorKind.SERVICE_UNAVAILABLE, "all upstream connections are busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(ErrorKind.SERVICE_UNAVAILABLE, "interrupted while waiting for an upstream connection");
        }
        try {
            HttpResponse<InputStream> answer = send(upstream, request, session, in);
            copyAnswer(answer, out);
        } finally {
            slots.release();
        }
    }

    private HttpResponse<InputStream> send(Upstream upstream, GatewayRequest request, AuthenticationSession session,
                                           HttpServletRequest in) {
        URI uri = target(upstream, request);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(config.proxyTimeout());
        Set<String> replaced = session.headers().keySet().stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(lower) || replaced.contains(lower)) {
                return;
            }
            values.forEach(v -> header(b, name, v));
        });
        session.headers().forEach((k, v) -> {
            if (Enforcement.safeHeaderValue(v)) {
                header(b, k, v);
            }
        });
        if (upstream.preserveHost()) {
            header(b, "Host", request.target().host());
        }
        String forwardedFor = request.header("X-Forwarded-For").map(f -> f + ", ").orElse("") + request.clientIp();
        header(b, "X-Forwarded-For", forwardedFor);
        header(b, "X-Forwarded-Proto", request.target().scheme());
        header(b, "X-Forwarded-Host", request.target().host());
        // the upstream's spans are children of the gateway's, in the caller's trace (its traceparent replaced)
        TraceIds.headers().forEach(b::setHeader);
        long length = in.getContentLengthLong();
        boolean chunked = in.getHeader("Transfer-Encoding") != null;
        HttpRequest.BodyPublisher body;
        if (request.body().consumed()) {
            // a handler (remote) read the body to decide: its bytes go on, the servlet stream is spent
            byte[] bytes = request.body().read();
            body = bytes.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes);
        } else if (length > 0) {
            body = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> stream(in)), length);
        } else if (chunked) {
            body = HttpRequest.BodyPublishers.ofInputStream(() -> stream(in));
        } else {
            body = HttpRequest.BodyPublishers.noBody();
        }
        b.method(request.target().method(), body);
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new GatewayException(ErrorKind.BAD_GATEWAY, "upstream connection timed out");
        } catch (HttpTimeoutException e) {
            throw new GatewayException(ErrorKind.GATEWAY_TIMEOUT, "upstream did not answer in time");
        } catch (ConnectException e) {
            throw new GatewayException(ErrorKind.BAD_GATEWAY, "upstream refused the connection");
        } catch (IOException e) {
            throw new GatewayException(ErrorKind.BAD_GATEWAY, "upstream failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(ErrorKind.BAD_GATEWAY, "interrupted");
        }
    }

    private static InputStream stream(HttpServletRequest in) {
        try {
            return in.getInputStream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The upstream URL: its base, then the request's normalised path without {@code strip_path}, then the query. */
    static URI target(Upstream upstream, GatewayRequest request) {
        String path = request.target().encodedPath();
        String strip = upstream.stripPath();
        if (!strip.isEmpty() && path.startsWith(strip)) {
            path = path.substring(strip.length());
            if (!path.startsWith("/")) {
                path = "/" + path;
            }
        }
        String base = upstream.url().endsWith("/") ? upstream.url().substring(0, upstream.url().length() - 1) : upstream.url();
        String query = request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery();
        try {
            return URI.create(base + path + query);
        } catch (IllegalArgumentException e) {
            throw new GatewayException(ErrorKind.BAD_REQUEST, "query cannot be forwarded");
        }
    }

    private static void header(HttpRequest.Builder b, String name, String value) {
        try {
            b.header(name, value);
        } catch (IllegalArgumentException e) {
            // a header the HTTP client will not send (restricted or invalid): leave it out
        }
    }

    private static void copyAnswer(HttpResponse<InputStream> answer, HttpServletResponse out) throws IOException {
        out.setStatus(answer.statusCode());
        answer.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("content-length") || (HOP_BY_HOP.contains(lower) && !lower.startsWith("x-forwarded")) || lower.startsWith(":")) {
                return;
            }
            values.forEach(v -> out.addHeader(name, v));
        });
        answer.headers().firstValueAsLong("Content-Length").ifPresent(out::setContentLengthLong);
        try (InputStream body = answer.body()) {
            OutputStream o = out.getOutputStream();
            byte[] buffer = new byte[16384];
            int n;
            while ((n = body.read(buffer)) >= 0) {
                o.write(buffer, 0, n);
                if (body.available() == 0) {
                    o.flush();
                }
            }
            o.flush();
        }
    }
}
