package dev.gatehouse.gateway;

import dev.gatehouse.kernel.log.TraceIds;
import dev.gatehouse.kernel.http.BoundedExchange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.util.Map;

/**
 * The HTTP calls handlers make (JWKS, {@code remote}/{@code remote_json}, hydrator, {@code check_session_url}),
 * all bounded by {@code gatehouse.gateway.remote-timeout} and by a response size limit, so a slow or
 * chatty service costs a denial, not a stuck thread.
 */
@ApplicationScoped
public class RemoteCalls {

    public static final int MAX_BODY = 1 << 20;

    private HttpClient client;
    private GatewayConfig config;

    protected RemoteCalls() {
    }

    @Inject
    public RemoteCalls(GatewayConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder().connectTimeout(config.remoteTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** A reply: status and body (at most {@link #MAX_BODY} bytes). */
    public record Reply(int status, String body, Map<String, java.util.List<String>> headers) {
    }

    /**
     * @param body null for GET
     * @throws GatewayException internal error when the call fails or times out
     */
    public Reply call(String method, URI uri, Map<String, String> headers, String body) {
        return exchange(method, uri, headers,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    }

    /**
     * POSTs exactly these bytes (a forwarded request body, which need not be text).
     *
     * @throws GatewayException internal error when the call fails or times out
     */
    public Reply post(URI uri, Map<String, String> headers, byte[] body) {
        return exchange("POST", uri, headers, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private Reply exchange(String method, URI uri, Map<String, String> headers, HttpRequest.BodyPublisher body) {
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw GatewayException.internal("remote URL must be http or https");
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(config.remoteTimeout());
        headers.forEach(b::header);
        // the remote handler's spans join the request's trace
        TraceIds.headers().forEach(b::setHeader);
        b.method(method, body);
        try {
            BoundedExchange.Answer r = BoundedExchange.send(client, b.build(), MAX_BODY, config.remoteTimeout());
            if (r.tooLarge()) {
                throw GatewayException.internal("remote answer from " + uri.getHost() + " is too large");
            }
            return new Reply(r.status(), new String(r.body(), java.nio.charset.StandardCharsets.UTF_8), r.headers().map());
        } catch (HttpTimeoutException e) {
            throw GatewayException.internal("remote call to " + uri.getHost() + " timed out");
        } catch (IOException e) {
            throw GatewayException.internal("remote call to " + uri.getHost() + " failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GatewayException.internal("remote call interrupted");
        }
    }
}
