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
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Sends an allowed request to its rule's upstream and streams the answer back. Bodies stream both ways
 * (never held whole in memory), except a request body a handler already read to decide (the {@code remote}
 * authorizer, bounded), which is sent on as those same bytes. The upstream call runs on the request's own
 * thread over a pool of keep-alive connections: no hand-off to other threads per request. At most
 * {@code proxy.max-connections} requests are in flight; one more waits briefly and then gets 503, so a slow
 * upstream cannot pile up server threads. An upstream that refuses connections gives 502, one that does not
 * answer within {@code proxy.timeout} gives 504. The upstream sees {@code X-Forwarded-For/-Proto/-Host}; client
 * headers named by the mutators, hop-by-hop headers and the client's {@code Host} (unless {@code preserve_host})
 * are not forwarded. Nothing is added or kept on the way: no cookies, no compression, no retries, no redirects
 * followed, no user agent of its own.
 */
@ApplicationScoped
public class UpstreamForwarder {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "content-length", "expect", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "forwarded");
    private static final long QUEUE_WAIT_MS = 500;
    /** A pooled connection idle this long is checked before reuse: an upstream may have closed it meanwhile. */
    private static final TimeValue CHECK_AFTER_IDLE = TimeValue.ofSeconds(1);

    private GatewayConfig config;
    private CloseableHttpClient client;
    private Semaphore slots;

    protected UpstreamForwarder() {
    }

    @Inject
    public UpstreamForwarder(GatewayConfig config) {
        this.config = config;
        int connections = config.proxyMaxConnections();
        this.slots = new Semaphore(connections);
        ConnectionConfig connection = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(config.proxyConnectTimeout()))
                .setSocketTimeout(Timeout.of(config.proxyTimeout()))
                .setValidateAfterInactivity(CHECK_AFTER_IDLE).build();
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(connections).setMaxConnPerRoute(connections)
                        .setDefaultConnectionConfig(connection).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(config.proxyTimeout()))
                        .setConnectionRequestTimeout(Timeout.ofMilliseconds(QUEUE_WAIT_MS)).build())
                .disableRedirectHandling().disableCookieManagement().disableContentCompression().disableAuthCaching()
                .disableAutomaticRetries().disableConnectionState().disableDefaultUserAgent()
                .build();
    }

    @PreDestroy
    void close() {
        try {
            client.close();
        } catch (IOException e) {
            // the pool's connections are closed as far as they could be
        }
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
        try (ClassicHttpResponse answer = send(upstream, request, session, in)) {
            copyAnswer(answer, out);
        } finally {
            slots.release();
        }
    }

    private ClassicHttpResponse send(Upstream upstream, GatewayRequest request, AuthenticationSession session,
                                     HttpServletRequest in) {
        HttpUriRequestBase b = new HttpUriRequestBase(request.target().method(), target(upstream, request));
        Set<String> replaced = session.headers().keySet().stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(lower) || replaced.contains(lower)) {
                return;
            }
            values.forEach(v -> b.addHeader(name, v));
        });
        session.headers().forEach((k, v) -> {
            if (Enforcement.safeHeaderValue(v)) {
                b.addHeader(k, v);
            }
        });
        if (upstream.preserveHost()) {
            b.setHeader("Host", request.target().host());
        }
        String forwardedFor = request.header("X-Forwarded-For").map(f -> f + ", ").orElse("") + request.clientIp();
        b.setHeader("X-Forwarded-For", forwardedFor);
        b.setHeader("X-Forwarded-Proto", request.target().scheme());
        b.setHeader("X-Forwarded-Host", request.target().host());
        // the upstream's spans are children of the gateway's, in the caller's trace (its traceparent replaced)
        TraceIds.headers().forEach(b::setHeader);
        b.setEntity(body(request, in));
        try {
            return client.executeOpen(null, b, null);
        } catch (ConnectTimeoutException e) {
            throw new GatewayException(ErrorKind.BAD_GATEWAY, "upstream connection timed out");
        } catch (SocketTimeoutException e) {
            throw new GatewayException(ErrorKind.GATEWAY_TIMEOUT, "upstream did not answer in time");
        } catch (ConnectException e) {
            throw new GatewayException(ErrorKind.BAD_GATEWAY, "upstream refused the connection");
        } catch (InterruptedIOException e) {
            throw new GatewayException(ErrorKind.GATEWAY_TIMEOUT, "upstream did not answer in time");
        } catch (IOException e) {
            throw new GatewayException(ErrorKind.BAD_GATEWAY, "upstream failed: " + e.getClass().getSimpleName());
        }
    }

    /**
     * The body to send on: the bytes a handler read to decide, or the client's stream with its declared length
     * (chunked when it had none), or none; a declared empty body stays an empty one ({@code Content-Length: 0}).
     */
    private static HttpEntity body(GatewayRequest request, HttpServletRequest in) {
        long length = in.getContentLengthLong();
        if (request.body().consumed()) {
            // a handler (remote) read the body to decide: its bytes go on, the servlet stream is spent
            byte[] bytes = request.body().read();
            return bytes.length == 0 && length != 0 ? null : new ByteArrayEntity(bytes, null);
        }
        if (length > 0) {
            return new InputStreamEntity(stream(in), length, null);
        }
        if (in.getHeader("Transfer-Encoding") != null) {
            return new InputStreamEntity(stream(in), -1, null);
        }
        return length == 0 ? new ByteArrayEntity(new byte[0], null) : null;
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

    private static void copyAnswer(ClassicHttpResponse answer, HttpServletResponse out) throws IOException {
        out.setStatus(answer.getCode());
        for (Header h : answer.getHeaders()) {
            String lower = h.getName().toLowerCase(Locale.ROOT);
            if (lower.equals("content-length") || (HOP_BY_HOP.contains(lower) && !lower.startsWith("x-forwarded"))) {
                continue;
            }
            out.addHeader(h.getName(), h.getValue());
        }
        Header length = answer.getFirstHeader("Content-Length");
        if (length != null) {
            try {
                out.setContentLengthLong(Long.parseLong(length.getValue().trim()));
            } catch (NumberFormatException e) {
                // the answer is streamed as it comes, without a length
            }
        }
        HttpEntity entity = answer.getEntity();
        if (entity == null) {
            // HEAD, 204, 304: no body
            return;
        }
        try (InputStream body = entity.getContent()) {
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
