package dev.gatehouse.oauth2.token;

import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.oauth2.OAuth2Error;
import dev.gatehouse.oauth2.OAuth2Exception;
import dev.gatehouse.oauth2.client.OAuth2Client;
import dev.gatehouse.platform.db.Transactions;
import dev.gatehouse.platform.secrets.TokenHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code authorization_code} (RFC 6749 §4.1.3, PKCE RFC 7636 §4.6). Every check runs before the code is burnt,
 * so a refused request writes nothing. The code is burnt by a conditional UPDATE, so of two concurrent
 * redemptions one wins; the other, like any later replay, revokes every token issued from the code
 * (RFC 6749 §4.1.2, RFC 9700 §4.5) and that revocation is committed although the answer is an error. The
 * tokens are signed between two short transactions (read the grant; burn the code and store the tokens), so no
 * database connection is held while signing.
 */
@ApplicationScoped
public class AuthorizationCodeGrantHandler implements TokenGrantHandler {

    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    private static final String UNKNOWN = "The authorization code is unknown, expired or was issued to another client";

    @Inject
    TokenStore store;
    @Inject
    TokenHasher hasher;
    @Inject
    TokenMinter minter;
    @Inject
    UserClaims userClaims;
    @Inject
    Transactions transactions;
    @Inject
    SecurityEvents events;
    @Inject
    Clock clock;

    /** The grant of the presented code, and its subject's claims for the ID token. */
    private record Presented(StoredGrant grant, Map<String, Object> claims) {
    }

    @Override
    public String grantType() {
        return "authorization_code";
    }

    @Override
    public TokenResponse handle(TokenCall call) {
        Instant now = clock.instant();
        String code = call.form().required("code");
        OAuth2Client client = call.client();
        Presented presented = transactions.call(() -> presented(call, code));
        StoredGrant grant = presented.grant();
        if (grant.codeUsedAt().isPresent()) {
            return transactions.call(() -> replayed(call, grant));
        }
        if (!grant.clientId().equals(client.clientId()) || grant.isRevoked()
                || grant.codeExpiresAt().map(e -> !e.isAfter(now)).orElse(true)) {
            throw OAuth2Exception.invalidGrant(UNKNOWN);
        }
        Optional<String> redirectUri = call.form().optional("redirect_uri");
        // RFC 6749 §4.1.3: required, and identical, when the authorization request named one
        if (grant.redirectUri().isPresent() && !grant.redirectUri().equals(redirectUri)) {
            throw OAuth2Exception.invalidGrant("The redirect_uri does not match the one of the authorization request");
        }
        checkProofKey(grant, call.form().optional("code_verifier"), client);
        boolean refresh = Scopes.offline(grant.scopes()) && client.allowsGrant("refresh_token");
        TokenMinter.Minted minted = minter.mint(new TokenMinter.Order(call.tenant(), call.issuer(), client, grant,
                grant.scopes(), refresh, grant.scopes().contains("openid"), presented.claims()));
        return transactions.call(() -> store.markCodeUsed(call.tenant(), grant.id(), now)
                ? minter.store(minted) : replayed(call, grant));
    }

    private Presented presented(TokenCall call, String code) {
        StoredGrant grant = Optional.of(code).filter(c -> c.startsWith(StoredAuthorizationCodes.PREFIX) && c.length() <= 128)
                .flatMap(c -> store.findGrantByCode(call.tenant(), hasher.hash(c)))
                .orElseThrow(() -> OAuth2Exception.invalidGrant(UNKNOWN));
        Map<String, Object> claims = grant.scopes().contains("openid")
                ? userClaims.of(call.tenant(), grant.subject(), grant.scopes()) : Map.of();
        return new Presented(grant, claims);
    }

    private static void checkProofKey(StoredGrant grant, Optional<String> verifier, OAuth2Client client) {
        if (grant.codeChallenge().isEmpty()) {
            if (client.isPublic()) {
                throw OAuth2Exception.invalidGrant("A public client must use PKCE");
            }
            if (verifier.isPresent()) {
                throw OAuth2Exception.invalidGrant("The authorization request had no code_challenge");
            }
            return;
        }
        String v = verifier.orElseThrow(() -> OAuth2Exception.invalidGrant("The code_verifier is missing"));
        if (!VERIFIER.matcher(v).matches() || !MessageDigest.isEqual(s256(v), grant.codeChallenge().get()
                .getBytes(StandardCharsets.US_ASCII))) {
            throw OAuth2Exception.invalidGrant("The code_verifier does not match the code_challenge");
        }
    }

    /** RFC 7636 §4.2: BASE64URL(SHA256(ASCII(code_verifier))), as ASCII bytes. */
    private static byte[] s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private TokenResponse replayed(TokenCall call, StoredGrant grant) {
        int revoked = store.revokeGrant(call.tenant(), grant.id(), clock.instant());
        events.fire(SecurityEvent.of(SecurityEventType.OAUTH2_CODE_REPLAYED, Outcome.DENIED).tenant(call.tenant().value())
                .actor(call.client().clientId()).client(grant.clientId()).subject(grant.subject())
                .detail("grant_id", grant.id()).detail("revoked_tokens", revoked));
        return new TokenResponse.TokenError(OAuth2Error.INVALID_GRANT,
                "The authorization code was already used; the tokens issued from it are revoked");
    }
}
