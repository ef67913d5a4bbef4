package dev.gatehouse.jwk;

import dev.gatehouse.kernel.tenant.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** {@link KeyRepository} in memory, one lock for all sets: for the key ring's logic without a database. */
final class InMemoryKeyRepository implements KeyRepository {

    private final List<SigningKey> rows = new ArrayList<>();
    int loads;

    @Override
    public synchronized List<SigningKey> keys(TenantId tenant, KeySetName set) {
        loads++;
        return rows.stream().filter(k -> k.tenant().equals(tenant) && k.set().equals(set))
                .sorted(Comparator.comparing(SigningKey::activatedAt).reversed()).toList();
    }

    @Override
    public synchronized List<SigningKey> keys(TenantId tenant) {
        return rows.stream().filter(k -> k.tenant().equals(tenant)).toList();
    }

    @Override
    public synchronized List<SetRef> setsWithKeys() {
        return rows.stream().map(k -> new SetRef(k.tenant(), k.set())).distinct().toList();
    }

    @Override
    public synchronized <T> T underLock(TenantId tenant, KeySetName set, Function<LockedSet, T> work) {
        List<SigningKey> before = new ArrayList<>(rows);
        try {
            return work.apply(new LockedSet() {
                @Override
                public List<SigningKey> keys() {
                    return InMemoryKeyRepository.this.keys(tenant, set);
                }

                @Override
                public void insert(SigningKey key) {
                    rows.add(key);
                }

                @Override
                public void retireSigners(Instant at) {
                    rows.replaceAll(k -> k.tenant().equals(tenant) && k.set().equals(set) && k.signs()
                            ? new SigningKey(k.tenant(), k.set(), k.kid(), k.alg(), k.publicJwk(), k.privatePart(),
                            k.createdAt(), k.activatedAt(), at) : k);
                }
            });
        } catch (RuntimeException e) {
            rows.clear();
            rows.addAll(before); // roll back, as the transaction would
            throw e;
        }
    }

    @Override
    public synchronized List<SigningKey> deleteSet(TenantId tenant, KeySetName set) {
        List<SigningKey> gone = keys(tenant, set);
        rows.removeAll(gone);
        return gone;
    }

    @Override
    public synchronized boolean deleteKey(TenantId tenant, KeySetName set, String kid) {
        return rows.removeIf(k -> k.tenant().equals(tenant) && k.set().equals(set) && k.kid().equals(kid));
    }

    @Override
    public synchronized List<SigningKey> deleteRetired(Instant now) {
        List<SigningKey> gone = rows.stream().filter(k -> !k.verifiesAt(now)).toList();
        rows.removeAll(gone);
        return gone;
    }

    synchronized int size() {
        return rows.size();
    }
}
