package dev.gatehouse.oauth2.token;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.db.ExpiredRows;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Where grants and their tokens are kept. Every method is scoped by the tenant it is given; codes and tokens are
 * looked up by their HMAC only. The two "mark" methods are conditional updates: of two concurrent callers
 * exactly one gets {@code true}, which is what makes codes single-use and refresh tokens rotate once.
 */
public interface TokenStore extends ExpiredRows {

    /** Stores a grant; {@code codeHash} is the HMAC of its authorization code, if it has one. */
    void insertGrant(TenantId tenant, StoredGrant grant, Optional<String> codeHash, Instant expiresAt);

    Optional<StoredGrant> findGrant(TenantId tenant, UUID id);

    Optional<StoredGrant> findGrantByCode(TenantId tenant, String codeHash);

    /** Marks the grant's code redeemed unless it already was; true for the one caller that did it. */
    boolean markCodeUsed(TenantId tenant, UUID grantId, Instant now);

    /** Stores a token and extends the grant's lifetime to cover it. */
    void insertToken(TenantId tenant, StoredToken token, String tokenHash);

    Optional<StoredToken> findToken(TenantId tenant, String tokenHash);

    /** Marks a refresh token exchanged unless it already was; true for the one caller that did it. */
    boolean markRotated(TenantId tenant, UUID tokenId, Instant now);

    /** Revokes the grant and every token of it; returns how many tokens were still unrevoked. */
    int revokeGrant(TenantId tenant, UUID grantId, Instant now);

    /** Revokes one token; true if it was not revoked yet. */
    boolean revokeToken(TenantId tenant, UUID tokenId, Instant now);

    /** Revokes every grant (and its tokens) of the subject, for one client or all; returns how many tokens. */
    int revokeForSubject(TenantId tenant, String subject, Optional<String> clientId, Instant now);

    /** Deletes a batch of the tenant's tokens that expired before the cutoff, then of their grants once no token is left. */
    @Override
    int deleteExpired(Batch batch);
}
