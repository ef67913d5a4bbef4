package dev.gatehouse.selfservice.code;

import dev.gatehouse.kernel.tenant.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** {@link OneTimeCodeRepository} in a list, for tests of the code rules without a database. */
public final class InMemoryOneTimeCodeRepository implements OneTimeCodeRepository {

    private final List<OneTimeCode> codes = new ArrayList<>();

    @Override
    public synchronized void insert(OneTimeCode code) {
        codes.add(code);
    }

    @Override
    public synchronized List<OneTimeCode> ofFlow(TenantId tenant, UUID flowId) {
        return codes.stream().filter(c -> c.tenant().equals(tenant) && c.flowId().equals(flowId))
                .sorted(Comparator.comparing(OneTimeCode::createdAt).reversed()).toList();
    }

    @Override
    public synchronized void retireAll(TenantId tenant, UUID flowId, Instant at) {
        codes.replaceAll(c -> c.tenant().equals(tenant) && c.flowId().equals(flowId) && c.isCurrent() ? with(c, c.attempts(), at) : c);
    }

    @Override
    public synchronized void countAttempt(TenantId tenant, UUID codeId) {
        codes.replaceAll(c -> c.id().equals(codeId) ? with(c, c.attempts() + 1, c.usedAt()) : c);
    }

    @Override
    public int deleteExpired(Batch batch) {
        return 0;
    }

    private static OneTimeCode with(OneTimeCode c, int attempts, Instant usedAt) {
        return new OneTimeCode(c.id(), c.tenant(), c.flowId(), c.purpose(), c.address(), c.codeHash(), c.identity(), attempts,
                c.expiresAt(), usedAt, c.createdAt(), c.linkHash(), c.traits());
    }
}
