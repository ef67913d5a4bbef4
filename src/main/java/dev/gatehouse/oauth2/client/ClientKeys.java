package dev.gatehouse.oauth2.client;

import com.nimbusds.jose.jwk.JWKSet;
import dev.gatehouse.kernel.http.BoundedExchange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The public keys a {@code private_key_jwt} client signs with: its inline {@code jwks}, or its {@code jwks_uri}
 * fetched with a bounded time-out and size, without following redirects, and cached per URI in a bounded LRU cache
 * for a configured time. Only public parts of fetched keys are kept. A cache, nothing more: any node can fetch again.
 */
@ApplicationScoped
public class ClientKeys {

    static final int MAX_BYTES = 64 * 1024;
    /** A key set is fetched again for an unknown kid (key rotation) at most this often. */
    static final Duration MIN_REFETCH = Duration.ofSeconds(10);

    private record Cached(JWKSet keys, Instant fetchedAt) {
    }

    private Duration timeout;
    private Duration ttl;
    private Clock clock;
    private HttpClient http;
    private Map<String, Cached> cache;

    protected ClientKeys() {
    }

    @Inject
    public ClientKeys(ClientConfig config, Clock clock) {
        this(config.jwksFetchTimeout(), config.jwksCacheTtl(), config.jwksCacheSize(), clock);
    }

    public ClientKeys(Duration timeout, Duration ttl, int maxEntries, Clock clock) {
        this.timeout = timeout;
        this.ttl = ttl;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /**
     * The client's keys; with {@code refresh}, a cached {@code jwks_uri} set older than {@link #MIN_REFETCH} is
     * fetched again (the client may have rotated its key). Empty if it has none or they cannot be had.
     */
    public Optional<JWKSet> of(OAuth2Client client, boolean refresh) {
        if (client.jwks().isPresent()) {
            try {
                return Optional.of(JWKSet.parse(client.jwks().get()).toPublicJWKSet());
            } catch (ParseException e) {
                return Optional.empty();
            }
        }
        return client.jwksUri().flatMap(uri -> fetched(uri, refresh));
    }

    private Optional<JWKSet> fetched(URI uri, boolean refresh) {
        Instant now = clock.instant();
        Cached cached;
        synchronized (cache) {
            cached = cache.get(uri.toString());
        }
        boolean fresh = cached != null && cached.fetchedAt().plus(refresh ? MIN_REFETCH : ttl).isAfter(now);
        if (fresh) {
            return Optional.of(cached.keys());
        }
        Optional<JWKSet> keys = fetch(uri);
        keys.ifPresent(k -> {
            synchronized (cache) {
                cache.put(uri.toString(), new Cached(k, now));
            }
        });
        return keys.isPresent() ? keys : Optional.ofNullable(cached).map(Cached::keys);
    }

    private Optional<JWKSet> fetch(URI uri) {
        try {
            BoundedExchange.Answer answer = BoundedExchange.send(http, HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Accept", "application/json").GET().build(), MAX_BYTES, timeout);
            if (answer.status() != 200 || answer.tooLarge()) {
                return Optional.empty();
            }
            return Optional.of(JWKSet.parse(new String(answer.body(), StandardCharsets.UTF_8)).toPublicJWKSet());
        } catch (IOException | ParseException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
