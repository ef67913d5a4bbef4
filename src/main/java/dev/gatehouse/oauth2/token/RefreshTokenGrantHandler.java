package dev.gatehouse.oauth2.token;

import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.oauth2.OAuth2Error;
import dev.gatehouse.oauth2.OAuth2Exception;
import dev.gatehouse.platform.secrets.TokenHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * {@code refresh_token} (RFC 6749 §6) with rotation (RFC 9700 §4.14.2): every refresh returns a new refresh token
 * and marks the old one rotated by a conditional UPDATE. Presenting a rotated token again (after the grace
 * period, default none) revokes every token of the grant and is committed although the answer is an error.
 * The scope may narrow, never widen; a new ID token keeps the original {@code auth_time}.
 */
@ApplicationScoped
public class RefreshTokenGrantHandler implements TokenGrantHandler {

    private static final String UNKNOWN = "The refresh token is unknown, expired, revoked or was issued to another client";

    @Inject
    TokenStore store;
    @Inject
    TokenHasher hasher;
    @Inject
    TokenMinter minter;
    @Inject
    TokenConfig config;
    @Inject
    SecurityEvents events;
    @Inject
    Clock clock;

    @Override
    public String grantType() {
        return "refresh_token";
    }

    @Override
    @Transactional
    public TokenResponse handle(TokenCall call) {
        Instant now = clock.instant();
        String value = call.form().required("refresh_token");
        StoredToken token = Optional.of(value).filter(v -> v.startsWith(TokenKind.REFRESH.prefix()) && v.length() <= 128)
                .flatMap(v -> store.findToken(call.tenant(), hasher.hash(v)))
                .filter(t -> t.kind() == TokenKind.REFRESH && t.clientId().equals(call.client().clientId()))
                .filter(t -> t.isActiveAt(now))
                .orElseThrow(() -> OAuth2Exception.invalidGrant(UNKNOWN));
        StoredGrant grant = store.findGrant(call.tenant(), token.grantId()).filter(g -> !g.isRevoked())
                .orElseThrow(() -> OAuth2Exception.invalidGrant(UNKNOWN));
        Set<String> requested = Scopes.parse(call.form().optional("scope").orElse(null));
        if (!grant.scopes().containsAll(requested)) {
            throw new OAuth2Exception(OAuth2Error.INVALID_SCOPE, "A refresh may narrow the granted scope, never widen it");
        }
        Set<String> scopes = requested.isEmpty() ? token.scopes() : requested;
        boolean rotatedNow = token.rotatedAt().isEmpty() && store.markRotated(call.tenant(), token.id(), now);
        if (!rotatedNow && !withinGrace(token.rotatedAt().orElse(now), now)) {
            return reused(call, grant);
        }
        return minter.mint(new TokenMinter.Order(call.tenant(), call.issuer(), call.client(), grant, scopes,
                true, scopes.contains("openid")));
    }

    private boolean withinGrace(Instant rotatedAt, Instant now) {
        Duration grace = config.rotationGracePeriod();
        return !grace.isZero() && now.isBefore(rotatedAt.plus(grace));
    }

    private TokenResponse reused(TokenCall call, StoredGrant grant) {
        int revoked = store.revokeGrant(call.tenant(), grant.id(), clock.instant());
        events.fire(SecurityEvent.of(SecurityEventType.OAUTH2_REFRESH_TOKEN_REUSED, Outcome.DENIED)
                .tenant(call.tenant().value()).actor(call.client().clientId()).client(grant.clientId())
                .subject(grant.subject()).detail("grant_id", grant.id()).detail("revoked_tokens", revoked));
        return new TokenResponse.TokenError(OAuth2Error.INVALID_GRANT,
                "The refresh token was already used; every token of its grant is revoked");
    }
}
