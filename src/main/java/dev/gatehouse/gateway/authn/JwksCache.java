package dev.gatehouse.gateway.authn;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.gatehouse.gateway.GatewayConfig;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.RemoteCalls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Public keys of the {@code jwt} authenticator's {@code jwks_urls}, fetched with the bounded remote timeout
 * and cached for {@code gatehouse.gateway.jwks.cache-ttl}. A token signed with a key id not in the cache
 * triggers one early refetch (key rotation), at most every {@link #MIN_REFETCH} per URL so unknown ids cannot
 * be used to hammer the key server. A key server that is down keeps serving the last keys it gave; with
 * none, tokens are refused.
 */
@ApplicationScoped
public class JwksCache {

    static final Duration MIN_REFETCH = Duration.ofSeconds(5);
    private static final int MAX_URLS = 64;

    private record Entry(JWKSet keys, Instant fetchedAt) {
    }

    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private final Map<String, Instant> attempts = new ConcurrentHashMap<>();

    @Inject
    RemoteCalls remote;
    @Inject
    GatewayConfig config;
    @Inject
    Clock clock;

    /** The key with this id (or every key when {@code kid} is null) from the given URLs. */
    public List<JWK> keys(List<String> urls, String kid) {
        List<JWK> found = new ArrayList<>();
        for (String url : urls) {
            JWKSet set = fetch(url, false);
            Optional<JWK> key = select(set, kid, found);
            if (key.isEmpty() && kid != null) {
                select(fetch(url, true), kid, found);
            }
        }
        return found;
    }

    private static Optional<JWK> select(JWKSet set, String kid, List<JWK> into) {
        if (set == null) {
            return Optional.empty();
        }
        if (kid == null) {
            into.addAll(set.getKeys());
            return set.getKeys().stream().findFirst();
        }
        JWK key = set.getKeyByKeyId(kid);
        if (key != null) {
            into.add(key);
        }
        return Optional.ofNullable(key);
    }

    private JWKSet fetch(String url, boolean unknownKid) {
        Instant now = clock.instant();
        Entry e = cache.get(url);
        boolean fresh = e != null && e.fetchedAt().plus(config.jwksCacheTtl()).isAfter(now);
        if (fresh && !unknownKid) {
            return e.keys();
        }
        Instant last = attempts.get(url);
        if (last != null && last.plus(MIN_REFETCH).isAfter(now)) {
            return e == null ? null : e.keys();
        }
        if (attempts.size() > MAX_URLS) {
            attempts.clear();
        }
        attempts.put(url, now);
        try {
            RemoteCalls.Reply r = remote.call("GET", URI.create(url), Map.of("Accept", "application/json"), null);
            if (r.status() != 200) {
                throw GatewayException.internal("JWKS answered " + r.status());
            }
            JWKSet keys = JWKSet.parse(r.body()).toPublicJWKSet();
            if (cache.size() > MAX_URLS) {
                cache.clear();
            }
            cache.put(url, new Entry(keys, now));
            return keys;
        } catch (ParseException | GatewayException e2) {
            return e == null ? null : e.keys();
        }
    }
}
