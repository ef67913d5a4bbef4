package dev.gatehouse.selfservice.code;

import dev.gatehouse.identity.IdentityId;
import dev.gatehouse.kernel.tenant.TenantId;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored one-time code: only its hash, the flow it belongs to and the address it was sent to.
 *
 * @param identity whose address it was sent to; null when the address is unknown (nothing was sent, and the
 *                 code can never succeed, so the answer looks the same as for a known address)
 * @param usedAt   when it was used or replaced by a newer code; null while it is current
 * @param linkHash login codes: HMAC of the sign-in link's token sent with the code; null without a link
 * @param traits   registration codes: the traits (JSON) the code was sent for; null otherwise
 */
public record OneTimeCode(UUID id, TenantId tenant, UUID flowId, CodePurpose purpose, String address, String codeHash,
                          IdentityId identity, int attempts, Instant expiresAt, Instant usedAt, Instant createdAt,
                          String linkHash, String traits) {

    /** A code without link or traits (verification, recovery). */
    public OneTimeCode(UUID id, TenantId tenant, UUID flowId, CodePurpose purpose, String address, String codeHash,
                       IdentityId identity, int attempts, Instant expiresAt, Instant usedAt, Instant createdAt) {
        this(id, tenant, flowId, purpose, address, codeHash, identity, attempts, expiresAt, usedAt, createdAt, null, null);
    }

    public OneTimeCode {
        Objects.requireNonNull(id);
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(flowId);
        Objects.requireNonNull(purpose);
        Objects.requireNonNull(codeHash);
    }

    public boolean isCurrent() {
        return usedAt == null;
    }
}
