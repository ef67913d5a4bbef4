package dev.gatehouse.oauth2.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.oauth2.OAuth2Exception;
import jakarta.ws.rs.core.MultivaluedMap;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Client authentication at the token, introspection and revocation endpoints (RFC 6749 §2.3): by the one method
 * the client registered. {@code client_secret_basic} (§2.3.1, id and secret form-url-decoded),
 * {@code client_secret_post}, {@code none} (a public client names itself) and {@code private_key_jwt}
 * (RFC 7523 §2.2 and §3: RS256, PS256 or ES256 signed by the client's key; {@code iss} = {@code sub} = client id;
 * {@code aud} names the endpoint, the token endpoint or the issuer; {@code exp} in the future but not beyond the
 * configured maximum; {@code jti} used once). Secrets are checked by {@link ClientSecrets} in constant time, after the
 * client was read and outside any transaction (an argon2id check is slow); the work depends on the presented secret
 * only, so timing does not tell which clients exist. Every failure is the
 * same {@code invalid_client} to the caller; the reason goes to the security event only.
 */
public final class ClientAuthentication {

    public static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256);
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    static final int MAX_ASSERTION = 16 * 1024;
    static final int MAX_JTI = 255;
    private static final List<String> SINGLE = List.of("client_id", "client_secret", "client_assertion", "client_assertion_type");
    private static final String FAILED = "Client authentication failed";

    /** Records an assertion's jti; false if it was seen before. */
    @FunctionalInterface
    public interface AssertionLog {
        boolean firstUse(String clientId, String jti, Instant expiresAt);
    }

    private final Function<String, Optional<RegisteredClient>> clients;
    private final AssertionLog assertions;
    private final ClientSecrets secrets;
    private final ClientKeys keys;
    private final Duration maxAssertionLifetime;
    private final Clock clock;
    private final Consumer<SecurityEvent.Builder> events;

    public ClientAuthentication(Function<String, Optional<RegisteredClient>> clients, AssertionLog assertions,
                                ClientSecrets secrets, ClientKeys keys, Duration maxAssertionLifetime, Clock clock,
                                Consumer<SecurityEvent.Builder> events) {
        this.clients = clients;
        this.assertions = assertions;
        this.secrets = secrets;
        this.keys = keys;
        this.maxAssertionLifetime = maxAssertionLifetime;
        this.clock = clock;
        this.events = events;
    }

    /**
     * @param audiences what a client assertion's {@code aud} may name for this request
     * @see ClientAuthenticator#authenticate
     */
    public OAuth2Client authenticate(ClientAuthenticationRequest request, Set<String> audiences) {
        MultivaluedMap<String, String> form = request.form();
        for (String name : SINGLE) {
            if (form.get(name) != null && form.get(name).size() > 1) {
                throw OAuth2Exception.invalidRequest("The parameter " + name + " must not be repeated");
            }
        }
        Optional<String> basic = request.authorization().filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6));
        boolean post = form.containsKey("client_secret");
        boolean assertion = form.containsKey("client_assertion") || form.containsKey("client_assertion_type");
        if ((basic.isPresent() ? 1 : 0) + (post ? 1 : 0) + (assertion ? 1 : 0) > 1) {
            throw OAuth2Exception.invalidRequest("The request must use exactly one client authentication method");
        }
        if (basic.isPresent()) {
            return basic(basic.get().substring(6).trim(), form.getFirst("client_id"));
        }
        if (post) {
            return secret(form.getFirst("client_id"), form.getFirst("client_secret"), TokenEndpointAuthMethod.CLIENT_SECRET_POST, false);
        }
        if (assertion) {
            return assertion(form, audiences);
        }
        return publicClient(form.getFirst("client_id"));
    }

    private OAuth2Client basic(String credentials, String formClientId) {
        String id;
        String secret;
        try {
            String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw fail(null, TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, "malformed Basic credentials", true);
            }
            id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw fail(null, TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, "malformed Basic credentials", true);
        }
        if (formClientId != null && !formClientId.equals(id)) {
            throw OAuth2Exception.invalidRequest("The client_id parameter differs from the client in the Authorization header");
        }
        return secret(id, secret, TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, true);
    }

    private OAuth2Client secret(String id, String secret, TokenEndpointAuthMethod method, boolean basic) {
        if (id == null || id.isEmpty() || secret == null) {
            throw fail(id, method, "client_id or client_secret missing", basic);
        }
        Optional<RegisteredClient> client = registered(id);
        // checked even when there is nothing to compare with, so an unknown client takes as long as a wrong secret
        boolean matches = secrets.matches(secret, client.flatMap(RegisteredClient::secretHash));
        OAuth2Client found = registeredFor(client, id, method, basic);
        if (!matches || client.get().secretHash().isEmpty()) {
            throw fail(id, method, "wrong secret", basic);
        }
        return found;
    }

    /** No client id holds a NUL (a Basic header or an assertion's issuer may): not looked up, as PostgreSQL refuses it. */
    private Optional<RegisteredClient> registered(String id) {
        return id.indexOf('\0') >= 0 ? Optional.empty() : clients.apply(id);
    }

    private OAuth2Client publicClient(String id) {
        if (id == null || id.isEmpty()) {
            throw fail(null, TokenEndpointAuthMethod.NONE, "no client authentication and no client_id", false);
        }
        return registeredFor(registered(id), id, TokenEndpointAuthMethod.NONE, false);
    }

    private OAuth2Client assertion(MultivaluedMap<String, String> form, Set<String> audiences) {
        TokenEndpointAuthMethod method = TokenEndpointAuthMethod.PRIVATE_KEY_JWT;
        String type = form.getFirst("client_assertion_type");
        String assertion = form.getFirst("client_assertion");
        if (type == null || assertion == null) {
            throw OAuth2Exception.invalidRequest("client_assertion and client_assertion_type go together");
        }
        if (!JWT_BEARER.equals(type)) {
            throw fail(form.getFirst("client_id"), method, "unsupported client_assertion_type", false);
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            if (assertion.length() > MAX_ASSERTION) {
                throw new ParseException("too long", 0);
            }
            jwt = SignedJWT.parse(assertion);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw fail(form.getFirst("client_id"), method, "malformed or unsigned assertion", false);
        }
        String id = claims.getIssuer();
        if (id == null || !id.equals(claims.getSubject())) {
            throw fail(id, method, "iss and sub must both be the client_id", false);
        }
        if (form.getFirst("client_id") != null && !form.getFirst("client_id").equals(id)) {
            throw fail(id, method, "client_id differs from the assertion's issuer", false);
        }
        if (!ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) {
            throw fail(id, method, "algorithm " + jwt.getHeader().getAlgorithm() + " not accepted", false);
        }
        OAuth2Client client = registeredFor(registered(id), id, method, false);
        if (!verified(client, jwt)) {
            throw fail(id, method, "signature does not verify with the client's keys", false);
        }
        Instant expiresAt = checkClaims(id, claims, audiences);
        if (!assertions.firstUse(id, claims.getJWTID(), expiresAt)) {
            throw fail(id, method, "assertion replayed (jti used before)", false);
        }
        return client;
    }

    private Instant checkClaims(String id, JWTClaimsSet claims, Set<String> audiences) {
        TokenEndpointAuthMethod method = TokenEndpointAuthMethod.PRIVATE_KEY_JWT;
        Instant now = clock.instant();
        if (claims.getAudience() == null || claims.getAudience().stream().noneMatch(audiences::contains)) {
            throw fail(id, method, "aud names neither this endpoint, the token endpoint nor the issuer", false);
        }
        Date exp = claims.getExpirationTime();
        if (exp == null || !exp.toInstant().isAfter(now)) {
            throw fail(id, method, "assertion expired or without exp", false);
        }
        if (exp.toInstant().isAfter(now.plus(maxAssertionLifetime).plus(CLOCK_SKEW))) {
            throw fail(id, method, "exp too far in the future", false);
        }
        if (after(claims.getNotBeforeTime(), now.plus(CLOCK_SKEW)) || after(claims.getIssueTime(), now.plus(CLOCK_SKEW))) {
            throw fail(id, method, "assertion not valid yet (nbf or iat in the future)", false);
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank() || jti.length() > MAX_JTI) {
            throw fail(id, method, "jti missing or too long", false);
        }
        return exp.toInstant();
    }

    private static boolean after(Date date, Instant limit) {
        return date != null && date.toInstant().isAfter(limit);
    }

    private boolean verified(OAuth2Client client, SignedJWT jwt) {
        Optional<JWKSet> set = keys.of(client, false);
        if (set.isPresent() && verifiesWith(set.get(), jwt)) {
            return true;
        }
        // the client may have rotated its key since the set was cached
        return client.jwksUri().isPresent() && keys.of(client, true).filter(s -> verifiesWith(s, jwt)).isPresent();
    }

    private static boolean verifiesWith(JWKSet set, SignedJWT jwt) {
        String kid = jwt.getHeader().getKeyID();
        for (JWK key : set.getKeys()) {
            if ((kid != null && !kid.equals(key.getKeyID())) || (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse()))) {
                continue;
            }
            try {
                Optional<JWSVerifier> verifier = verifier(key, jwt.getHeader().getAlgorithm());
                if (verifier.isPresent() && jwt.verify(verifier.get())) {
                    return true;
                }
            } catch (JOSEException | IllegalStateException e) {
                // a key that cannot verify this algorithm is simply not the one
            }
        }
        return false;
    }

    private static Optional<JWSVerifier> verifier(JWK key, JWSAlgorithm alg) throws JOSEException {
        if (key.getAlgorithm() != null && !key.getAlgorithm().equals(alg)) {
            return Optional.empty();
        }
        if (key instanceof RSAKey rsa && (alg.equals(JWSAlgorithm.RS256) || alg.equals(JWSAlgorithm.PS256))) {
            return Optional.of(new RSASSAVerifier(rsa.toRSAPublicKey()));
        }
        if (key instanceof ECKey ec && alg.equals(JWSAlgorithm.ES256) && Curve.P_256.equals(ec.getCurve())) {
            return Optional.of(new ECDSAVerifier(ec.toECPublicKey()));
        }
        return Optional.empty();
    }

    /** The client, if it exists and registered exactly this method. */
    private OAuth2Client registeredFor(Optional<RegisteredClient> client, String id, TokenEndpointAuthMethod method, boolean basic) {
        if (client.isEmpty()) {
            throw fail(id, method, "unknown client", basic);
        }
        TokenEndpointAuthMethod registered = client.get().client().tokenEndpointAuthMethod();
        if (registered != method) {
            throw fail(id, method, "client is registered for " + registered.wire(), basic);
        }
        return client.get().client();
    }

    private OAuth2Exception fail(String clientId, TokenEndpointAuthMethod method, String reason, boolean basic) {
        events.accept(SecurityEvent.of(SecurityEventType.OAUTH2_CLIENT_AUTHENTICATION_FAILED, Outcome.FAILURE)
                .client(clientId == null ? null : clientId.length() > 255 ? clientId.substring(0, 255) : clientId)
                .detail("method", method.wire()).detail("reason", reason));
        return OAuth2Exception.invalidClient(FAILED, basic);
    }
}
