package dev.gatehouse.oauth2.token;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.gatehouse.jwk.JwtSigning;
import dev.gatehouse.jwk.KeySetName;
import dev.gatehouse.kernel.Ids;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.oauth2.client.AccessTokenStrategy;
import dev.gatehouse.oauth2.client.OAuth2Client;
import dev.gatehouse.platform.secrets.TokenHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Mints the tokens of a grant and stores their HMACs: an access token (opaque {@code ory_at_…} or an RFC 9068
 * JWT, per client), a refresh token ({@code ory_rt_…}) when asked, and an ID token (OpenID Connect Core §2)
 * when asked. In two steps, because signing is slow: {@link #mint} makes and signs the tokens outside any
 * transaction, {@link #store} stores them inside the caller's short one.
 */
@ApplicationScoped
public class TokenMinter {

    /** Claims an extra claim from consent may never replace. */
    static final Set<String> RESERVED = Set.of("iss", "sub", "aud", "exp", "iat", "nbf", "jti", "auth_time",
            "nonce", "acr", "amr", "at_hash", "c_hash", "sid", "azp", "client_id", "scope", "ext");

    @Inject
    TokenStore store;
    @Inject
    TokenHasher hasher;
    @Inject
    JwtSigning signing;
    @Inject
    TokenConfig config;
    @Inject
    SecurityEvents events;
    @Inject
    Clock clock;

    /**
     * What to mint.
     *
     * @param scopes       the scopes of these tokens (a refresh may narrow the grant's)
     * @param withRefresh  whether to mint a refresh token
     * @param withIdToken  whether to mint an ID token
     * @param userClaims   the subject's claims for the ID token ({@link UserClaims}, read in the caller's
     *                     transaction); empty without one
     */
    public record Order(TenantId tenant, String issuer, OAuth2Client client, StoredGrant grant, Set<String> scopes,
                        boolean withRefresh, boolean withIdToken, Map<String, Object> userClaims) {

        public Order {
            userClaims = Map.copyOf(userClaims);
        }
    }

    /** Tokens made and signed but not stored yet: the answer, and the token rows {@link #store} writes. */
    public record Minted(Order order, AccessTokenResponse response, List<Row> rows) {

        public Minted {
            rows = List.copyOf(rows);
        }
    }

    /** A token to store, and the HMAC of its value. */
    public record Row(StoredToken token, String hash) {
    }

    /** Makes the tokens and signs the JWTs among them; reads and writes nothing, so the caller holds no connection. */
    public Minted mint(Order order) {
        Instant now = clock.instant();
        OAuth2Client client = order.client();
        List<Row> rows = new ArrayList<>();
        Duration accessLife = config.accessToken(client.lifespans());
        String access = accessToken(order, now, accessLife, rows);
        Optional<String> refresh = Optional.empty();
        if (order.withRefresh()) {
            String value = TokenKind.REFRESH.prefix() + Ids.token();
            rows.add(row(order, TokenKind.REFRESH, value, Optional.empty(), now, config.refreshToken(client.lifespans())));
            refresh = Optional.of(value);
        }
        Optional<String> idToken = order.withIdToken() ? Optional.of(idToken(order, access, now)) : Optional.empty();
        return new Minted(order, new AccessTokenResponse(access, accessLife.toSeconds(), order.scopes(), refresh, idToken), rows);
    }

    /** Stores what {@link #mint} made, in the caller's transaction, and tells who got which tokens. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AccessTokenResponse store(Minted minted) {
        Order order = minted.order();
        minted.rows().forEach(r -> store.insertToken(order.tenant(), r.token(), r.hash()));
        AccessTokenResponse response = minted.response();
        OAuth2Client client = order.client();
        events.fire(SecurityEvent.of(SecurityEventType.OAUTH2_TOKEN_ISSUED, Outcome.SUCCESS).tenant(order.tenant().value())
                .actor(client.clientId()).client(client.clientId()).subject(order.grant().subject())
                .detail("grant_type", order.grant().grantType()).detail("grant_id", order.grant().id())
                .detail("scope", Scopes.join(order.scopes())).detail("refresh_token", response.refreshToken().isPresent())
                .detail("id_token", response.idToken().isPresent()).detail("strategy", client.accessTokenStrategy().wire()));
        return response;
    }

    private String accessToken(Order order, Instant now, Duration life, List<Row> rows) {
        if (order.client().accessTokenStrategy() == AccessTokenStrategy.OPAQUE) {
            String value = TokenKind.ACCESS.prefix() + Ids.token();
            rows.add(row(order, TokenKind.ACCESS, value, Optional.empty(), now, life));
            return value;
        }
        StoredGrant g = order.grant();
        String jti = UUID.randomUUID().toString();
        List<String> audience = g.audience().isEmpty() ? List.of(order.client().clientId()) : List.copyOf(g.audience());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(order.issuer())
                .subject(g.subject())
                .audience(audience)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(life)))
                .jwtID(jti)
                .claim("client_id", order.client().clientId())
                .claim("scope", Scopes.join(order.scopes()));
        Map<String, Object> ext = json(g.accessTokenClaims());
        if (!ext.isEmpty()) {
            claims.claim("ext", ext);
        }
        String value = signing.sign(KeySetName.ACCESS_TOKEN, claims.build(), new JOSEObjectType("at+jwt"));
        rows.add(row(order, TokenKind.ACCESS, value, Optional.of(jti), now, life));
        return value;
    }

    private String idToken(Order order, String accessToken, Instant now) {
        StoredGrant g = order.grant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        json(g.idTokenClaims()).forEach((k, v) -> {
            if (!RESERVED.contains(k)) {
                claims.claim(k, v);
            }
        });
        order.userClaims().forEach(claims::claim);
        claims.issuer(order.issuer())
                .subject(g.subject())
                .audience(order.client().clientId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(config.idToken(order.client().lifespans()))))
                .jwtID(UUID.randomUUID().toString())
                .claim("at_hash", atHash(accessToken))
                .claim("rat", g.requestedAt().getEpochSecond());
        g.authTime().ifPresent(t -> claims.claim("auth_time", t.getEpochSecond()));
        g.nonce().ifPresent(n -> claims.claim("nonce", n));
        g.acr().ifPresent(a -> claims.claim("acr", a));
        if (!g.amr().isEmpty()) {
            claims.claim("amr", g.amr());
        }
        g.sessionId().ifPresent(s -> claims.claim("sid", s));
        return signing.sign(KeySetName.ID_TOKEN, claims.build(), JOSEObjectType.JWT);
    }

    private Row row(Order order, TokenKind kind, String value, Optional<String> jti, Instant now, Duration life) {
        StoredGrant g = order.grant();
        return new Row(new StoredToken(UUID.randomUUID(), g.id(), kind, jti, order.client().clientId(), g.subject(),
                order.scopes(), g.audience(), now, now.plus(life), Optional.empty(), Optional.empty()), hasher.hash(value));
    }

    /**
     * OpenID Connect Core §3.1.3.6: the left half of the SHA-256 of the access token, base64url. Our signing keys
     * are RS256 or ES256, both SHA-256.
     */
    static String atHash(String accessToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64URL.encode(Arrays.copyOf(digest, digest.length / 2)).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** A stored JSON object text (extra claims from consent); anything else counts as empty. */
    static Map<String, Object> json(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return JSONObjectUtils.parse(text);
        } catch (ParseException e) {
            return Map.of();
        }
    }
}
