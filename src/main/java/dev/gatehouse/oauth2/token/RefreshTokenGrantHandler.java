package dev.gatehouse.oauth2.token;

import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.oauth2.OAuth2Error;
import dev.gatehouse.oauth2.OAuth2Exception;
import dev.gatehouse.platform.db.Transactions;
import dev.gatehouse.platform.secrets.TokenHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code refresh_token} (RFC 6749 §6) with rotation (RFC 9700 §4.14.2): every refresh returns a new refresh token
 * and marks the old one rotated by a conditional UPDATE. Presenting a rotated token again (after the grace
 * period, default none) revokes every token of the grant and is committed although the answer is an error.
 * The scope may narrow, never widen; a new ID token keeps the original {@code auth_time}. Three steps, so no
 * database connection is held while the tokens are signed: read the token (one short transaction), mint, then
 * rotate and store (another); the conditional UPDATE still lets exactly one of concurrent refreshes through.
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
    UserClaims userClaims;
    @Inject
    TokenConfig config;
    @Inject
    Transactions transactions;
    @Inject
    SecurityEvents events;
    @Inject
    Clock clock;

    /** The presented refresh token, its grant, and the subject's claims for a new ID token. */
    private record Presented(StoredToken token, StoredGrant grant, Map<String, Object> claims) {
    }

    @Override
    public String grantType() {
        return "refresh_token";
    }

    @Override
    public TokenResponse handle(TokenCall call) {
        Instant now = clock.instant();
        String value = call.form().required("refresh_token");
        Set<String> requested = Scopes.parse(call.form().optional("scope").orElse(null));
        Presented presented = transactions.call(() -> presented(call, value, requested, now));
        StoredToken token = presented.token();
        StoredGrant grant = presented.grant();
        if (!grant.scopes().containsAll(requested)) {
            throw new OAuth2Exception(OAuth2Error.INVALID_SCOPE, "A refresh may narrow the granted scope, never widen it");
        }
        if (token.rotatedAt().isPresent() && !withinGrace(token.rotatedAt().get(), now)) {
            return transactions.call(() -> reused(call, grant));
        }
        Set<String> scopes = requested.isEmpty() ? token.scopes() : requested;
        TokenMinter.Minted minted = minter.mint(new TokenMinter.Order(call.tenant(), call.issuer(), call.client(), grant,
                scopes, true, scopes.contains("openid"), presented.claims()));
        return transactions.call(() -> {
            boolean rotatedNow = token.rotatedAt().isEmpty() && store.markRotated(call.tenant(), token.id(), now);
            if (!rotatedNow && !withinGrace(token.rotatedAt().orElse(now), now)) {
                return reused(call, grant);
            }
            return minter.store(minted);
        });
    }

    private Presented presented(TokenCall call, String value, Set<String> requested, Instant now) {
        StoredToken token = Optional.of(value).filter(v -> v.startsWith(TokenKind.REFRESH.prefix()) && v.length() <= 128)
                .flatMap(v -> store.findToken(call.tenant(), hasher.hash(v)))
                .filter(t -> t.kind() == TokenKind.REFRESH && t.clientId().equals(call.client().clientId()))
                .filter(t -> t.isActiveAt(now))
                .orElseThrow(() -> OAuth2Exception.invalidGrant(UNKNOWN));
        StoredGrant grant = store.findGrant(call.tenant(), token.grantId()).filter(g -> !g.isRevoked())
                .orElseThrow(() -> OAuth2Exception.invalidGrant(UNKNOWN));
        Set<String> scopes = requested.isEmpty() ? token.scopes() : requested;
        Map<String, Object> claims = scopes.contains("openid") ? userClaims.of(call.tenant(), grant.subject(), scopes) : Map.of();
        return new Presented(token, grant, claims);
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
