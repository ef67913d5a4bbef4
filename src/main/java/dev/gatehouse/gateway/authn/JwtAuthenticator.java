package dev.gatehouse.gateway.authn;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.kernel.json.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code jwt}: responsible when the bearer token (or {@code token_from}) is a compact JWS. The token is
 * accepted only if its {@code alg} is in {@code allowed_algorithms} (default RS256; {@code none} never), its
 * signature verifies with a key from {@code jwks_urls}, it is not expired or not yet valid (60 s skew), its
 * issuer is one of {@code trusted_issuers}, its audience holds every {@code target_audience}, and its
 * {@code scp}/{@code scope}/{@code scopes} holds every {@code required_scope} under {@code scope_strategy}
 * ({@code exact} by default, {@code hierarchic} or {@code wildcard}; {@code none}, which leaves scopes to a remote
 * endpoint in {@code oauth2_introspection}, is refused together with a {@code required_scope}, as Oathkeeper
 * does: a JWT has nobody else to check them). Subject is {@code sub};
 * {@code Extra} holds every claim.
 */
@ApplicationScoped
public class JwtAuthenticator implements Authenticator {

    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final DefaultJWSVerifierFactory VERIFIERS = new DefaultJWSVerifierFactory();

    @Inject
    JwksCache jwks;
    @Inject
    Clock clock;

    @Override
    public ConfigKeys configKeys() {
        return JwtConfig.KEYS;
    }

    @Override
    public String name() {
        return "jwt";
    }

    @Override
    public Bound bind(JsonObject config) {
        JwtConfig c = JwtConfig.parse(config);
        return (request, session) -> authenticate(request, c, session);
    }

    private boolean authenticate(GatewayRequest request, JwtConfig config, AuthenticationSession session) {
        Optional<String> token = config.tokenFrom().read(request);
        if (token.isEmpty() || token.get().split("\\.", -1).length != 3) {
            return false;
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token.get());
        } catch (ParseException e) {
            throw GatewayException.unauthorized("token is not a signed JWT");
        }
        JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
        if (!config.allowedAlgorithms().contains(alg.getName())) {
            throw GatewayException.unauthorized("token algorithm " + alg.getName() + " is not allowed");
        }
        if (!verified(jwt, config.jwksUrls())) {
            throw GatewayException.unauthorized("token signature does not verify with any trusted key");
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw GatewayException.unauthorized("token claims are malformed");
        }
        checkClaims(claims, config);
        session.subject(claims.getSubject() == null ? "" : claims.getSubject());
        session.extra(JsonText.readObject(claims.toString()));
        return true;
    }

    private boolean verified(SignedJWT jwt, List<String> urls) {
        for (JWK key : jwks.keys(urls, jwt.getHeader().getKeyID())) {
            if (key.getAlgorithm() != null && !key.getAlgorithm().getName().equals(jwt.getHeader().getAlgorithm().getName())) {
                continue;
            }
            try {
                Key k = key instanceof AsymmetricJWK a ? a.toPublicKey() : ((OctetSequenceKey) key).toSecretKey();
                JWSVerifier verifier = VERIFIERS.createJWSVerifier(jwt.getHeader(), k);
                if (jwt.verify(verifier)) {
                    return true;
                }
            } catch (JOSEException | ClassCastException e) {
                // a key of another type or size than the token's algorithm needs: try the next one
            }
        }
        return false;
    }

    private void checkClaims(JWTClaimsSet claims, JwtConfig config) {
        Date now = Date.from(clock.instant());
        if (claims.getExpirationTime() != null && claims.getExpirationTime().toInstant().plus(SKEW).isBefore(now.toInstant())) {
            throw GatewayException.unauthorized("token is expired");
        }
        if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant().minus(SKEW).isAfter(now.toInstant())) {
            throw GatewayException.unauthorized("token is not valid yet");
        }
        List<String> issuers = config.trustedIssuers();
        if (!issuers.isEmpty() && !issuers.contains(claims.getIssuer())) {
            throw GatewayException.unauthorized("token issuer is not trusted");
        }
        List<String> audience = config.targetAudience();
        if (!audience.isEmpty() && !claims.getAudience().containsAll(audience)) {
            throw GatewayException.unauthorized("token audience does not hold the target audience");
        }
        List<String> required = config.requiredScope();
        ScopeStrategy strategy = config.scopeStrategy();
        // none cannot check anything here (the config refuses it with required_scope): fail closed
        if (!required.isEmpty() && (strategy == ScopeStrategy.NONE || !strategy.grantsAll(scopes(claims), required))) {
            throw GatewayException.forbidden("token lacks a required scope");
        }
    }

    private static Set<String> scopes(JWTClaimsSet claims) {
        Set<String> out = new HashSet<>();
        for (String name : List.of("scp", "scope", "scopes")) {
            Object v = claims.getClaim(name);
            if (v instanceof String s) {
                out.addAll(Arrays.asList(s.split(" ")));
            } else if (v instanceof List<?> l) {
                l.forEach(x -> out.add(String.valueOf(x)));
            }
        }
        return out;
    }
}
