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

import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpEntityContainer;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
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
 * upstream cannot pile up server threads. An upstream that refuses connections gives 502, one that stays silent
 * for {@code proxy.timeout} (before its answer's headers or between parts of its body) gives 504 or ends the
 * answer. A client that goes away mid-answer closes the upstream connection at once: the rest is not read for
 * nobody. The upstream sees {@code X-Forwarded-For/-Proto/-Host}; client headers named by the mutators, hop-by-hop
 * headers and the client's {@code Host} (unless {@code preserve_host}) are not forwarded. Nothing is added or kept
 * on the way: no cookies, no compression, no redirects followed, no user agent of its own, and no retry except of
 * a body-less GET, HEAD or OPTIONS whose pooled connection the upstream had closed before it answered. HTTPS
 * upstreams are checked with the server's default TLS settings (Liberty's trust store).
 */
@ApplicationScoped
public class UpstreamForwarder {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "content-length", "expect", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "forwarded");
    private static final long QUEUE_WAIT_MS = 500;
    /** A pooled connection idle this long is checked before reuse: an upstream may have closed it meanwhile. */
    private static final TimeValue CHECK_AFTER_IDLE = TimeValue.ofSeconds(1);
    private static final Set<String> RETRIABLE = Set.of("GET", "HEAD", "OPTIONS");

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
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(serverTls()))
                        .setDefaultConnectionConfig(connection).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(config.proxyTimeout()))
                        .setConnectionRequestTimeout(Timeout.ofMilliseconds(QUEUE_WAIT_MS))
                        .setAuthenticationEnabled(false).setProtocolUpgradeEnabled(false).build())
                .disableRedirectHandling().disableCookieManagement().disableContentCompression().disableAuthCaching()
                .setRetryStrategy(new StaleConnectionRetry()).disableConnectionState().disableDefaultUserAgent()
                .build();
    }

    /** The JVM's default TLS context, which Liberty's default SSL configuration sets. */
    private static SSLContext serverTls() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
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
        try {
            HttpUriRequestBase call = new HttpUriRequestBase(request.target().method(), target(upstream, request));
            ClassicHttpResponse answer = send(upstream, call, request, session, in);
            boolean copied = false;
            try {
                copyAnswer(answer, out);
                copied = true;
            } finally {
                if (!copied) {
                    // the client went away or the upstream failed mid-answer: drop the connection, do not read on
                    call.cancel();
                }
                closeQuietly(answer);
            }
        } finally {
            slots.release();
        }
    }

    private ClassicHttpResponse send(Upstream upstream, HttpUriRequestBase b, GatewayRequest request,
                                     AuthenticationSession session, HttpServletRequest in) {
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
        try {
            b.setEntity(body(request, in));
            return client.executeOpen(null, b, null);
        } catch (ConnectionRequestTimeoutException e) {
            throw new GatewayException(ErrorKind.SERVICE_UNAVAILABLE, "all upstream connections are busy");
        } catch (ConnectTimeoutException e) {
            throw new GatewayException(ErrorKind.BAD_GATEWAY, "upstream connection timed out");
        } catch (ConnectException e) {
            throw new GatewayException(ErrorKind.BAD_GATEWAY, "upstream refused the connection");
        } catch (InterruptedIOException e) {
            // a read that timed out (SocketTimeoutException) or was interrupted
            throw new GatewayException(ErrorKind.GATEWAY_TIMEOUT, "upstream did not answer in time");
        } catch (IOException e) {
            throw new GatewayException(ErrorKind.BAD_GATEWAY, "upstream failed: " + e.getClass().getSimpleName());
        } catch (UncheckedIOException e) {
            throw new GatewayException(ErrorKind.BAD_REQUEST, "the request body could not be read");
        } catch (IllegalStateException | IllegalArgumentException e) {
            // a request the HTTP client will not send as it is (a TRACE with a body)
            throw new GatewayException(ErrorKind.BAD_REQUEST, "the request cannot be forwarded");
        }
    }

    private static void closeQuietly(ClassicHttpResponse answer) {
        try {
            answer.close();
        } catch (IOException e) {
            // the connection is gone either way
        }
    }

    /**
     * Sends a body-less GET, HEAD or OPTIONS once more when the pooled connection it went out on turned out closed
     * by the upstream (no answer at all, or a reset): nothing can have happened upstream twice. Never any other
     * request, never after an answer.
     */
    private static final class StaleConnectionRetry implements HttpRequestRetryStrategy {
        @Override
        public boolean retryRequest(HttpRequest request, IOException failure, int execCount, HttpContext context) {
            boolean noBody = !(request instanceof HttpEntityContainer c) || c.getEntity() == null;
            return execCount == 1 && noBody && RETRIABLE.contains(request.getMethod())
                    && (failure instanceof NoHttpResponseException
                        || failure instanceof SocketException && !(failure instanceof ConnectException));
        }

        @Override
        public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
            return false;
        }

        @Override
        public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
            return TimeValue.ZERO_MILLISECONDS;
        }
    }

    /**
     * The body to send on: the bytes a handler read to decide, or the client's stream with its declared length
     * (chunked when it had none), or none (the HTTP client then declares an empty body where the method expects
     * one, {@code Content-Length: 0} on a POST).
     */
    private static HttpEntity body(GatewayRequest request, HttpServletRequest in) {
        long length = in.getContentLengthLong();
        if (request.body().consumed()) {
            // a handler (remote) read the body to decide: its bytes go on, the servlet stream is spent
            byte[] bytes = request.body().read();
            return bytes.length == 0 ? null : new ByteArrayEntity(bytes, null);
        }
        if (length > 0) {
            return new InputStreamEntity(stream(in), length, null);
        }
        if (in.getHeader("Transfer-Encoding") != null) {
            return new InputStreamEntity(stream(in), -1, null);
        }
        return null;
    }

    private static InputStream stream(HttpServletRequest in) {
        try {
            return in.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        HttpEntity entity = answer.getEntity();
        if (entity == null) {
            // HEAD, 204, 304: no body; a HEAD answer's length is that of the body a GET would get
            Header length = answer.getFirstHeader("Content-Length");
            if (length != null) {
                try {
                    out.setContentLengthLong(Long.parseLong(length.getValue().trim()));
                } catch (NumberFormatException e) {
                    // left out
                }
            }
            return;
        }
        if (entity.getContentLength() >= 0) {
            out.setContentLengthLong(entity.getContentLength());
        }
        // not closed here: closing reads the rest to the end; the caller drops the connection when this fails
        InputStream body = entity.getContent();
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
