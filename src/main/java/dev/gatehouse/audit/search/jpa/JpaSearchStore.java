package dev.gatehouse.audit.search.jpa;

import dev.gatehouse.audit.search.SavedSearch;
import dev.gatehouse.audit.search.SearchStore;
import dev.gatehouse.audit.search.SearchVersion;
import dev.gatehouse.audit.search.StoredSearch;
import dev.gatehouse.kernel.json.JsonText;
import dev.gatehouse.kernel.log.LogText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@link SearchStore} on JPA. An update or delete locks the search's row, so concurrent changes of one search are
 * serialised and each gets its own version number.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JpaSearchStore implements SearchStore {

    private static final int MAX_VERSIONS = 500;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;
    @Inject
    Clock clock;

    protected JpaSearchStore() {
    }

    @Override
    public List<StoredSearch> list(String tenant) {
        return em.createQuery("select s from AuditSearchEntity s where s.tenantId = :t order by s.name", AuditSearchEntity.class)
                .setParameter("t", tenant).setMaxResults(1000).getResultList().stream().map(JpaSearchStore::stored).toList();
    }

    @Override
    public Optional<StoredSearch> find(String tenant, String id) {
        return entity(tenant, id, false).map(JpaSearchStore::stored);
    }

    @Override
    public Optional<StoredSearch> findByName(String tenant, String name) {
        return em.createQuery("select s from AuditSearchEntity s where s.tenantId = :t and s.name = :n", AuditSearchEntity.class)
                .setParameter("t", tenant).setParameter("n", name).getResultStream().findFirst().map(JpaSearchStore::stored);
    }

    @Override
    public StoredSearch create(String tenant, SavedSearch search, String actor, String reason) {
        Instant now = now();
        AuditSearchEntity e = new AuditSearchEntity();
        e.id = UUID.randomUUID().toString();
        e.tenantId = tenant;
        e.name = search.name();
        e.version = 1;
        e.document = search.toJson().toString();
        e.createdAt = now;
        e.updatedAt = now;
        em.persist(e);
        version(e, e.document, actor, reason, now);
        em.flush();
        return stored(e);
    }

    @Override
    public Optional<StoredSearch> update(String tenant, String id, SavedSearch search, String actor, String reason) {
        Optional<AuditSearchEntity> found = entity(tenant, id, true);
        found.ifPresent(e -> {
            Instant now = now();
            e.name = search.name();
            e.version = e.version + 1;
            e.document = search.toJson().toString();
            e.updatedAt = now;
            version(e, e.document, actor, reason, now);
            em.flush();
        });
        return found.map(JpaSearchStore::stored);
    }

    @Override
    public boolean delete(String tenant, String id, String actor, String reason) {
        Optional<AuditSearchEntity> found = entity(tenant, id, true);
        found.ifPresent(e -> {
            e.version = e.version + 1;
            version(e, null, actor, reason, now());
            em.remove(e);
            em.flush();
        });
        return found.isPresent();
    }

    @Override
    public List<SearchVersion> versions(String tenant, String id) {
        return em.createQuery("select v from AuditSearchVersionEntity v where v.tenantId = :t and v.searchId = :id"
                        + " order by v.version desc", AuditSearchVersionEntity.class)
                .setParameter("t", tenant).setParameter("id", id).setMaxResults(MAX_VERSIONS).getResultList().stream()
                .map(v -> new SearchVersion(v.version, v.document == null ? null : search(v.document), v.changedBy,
                        v.reason, v.changedAt))
                .toList();
    }

    /** The database keeps microseconds: answer the time as it will read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Optional<AuditSearchEntity> entity(String tenant, String id, boolean lock) {
        var q = em.createQuery("select s from AuditSearchEntity s where s.tenantId = :t and s.id = :id", AuditSearchEntity.class)
                .setParameter("t", tenant).setParameter("id", id);
        if (lock) {
            q.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return q.getResultStream().findFirst();
    }

    private void version(AuditSearchEntity e, String document, String actor, String reason, Instant at) {
        AuditSearchVersionEntity v = new AuditSearchVersionEntity();
        v.uid = UUID.randomUUID().toString();
        v.tenantId = e.tenantId;
        v.searchId = e.id;
        v.version = e.version;
        v.document = document;
        v.changedBy = actor == null ? null : LogText.bounded(actor, 256);
        v.reason = reason == null ? null : LogText.bounded(reason, 500);
        v.changedAt = at;
        em.persist(v);
    }

    private static StoredSearch stored(AuditSearchEntity e) {
        return new StoredSearch(e.id, e.tenantId, StoredSearch.Source.API, null, e.version, search(e.document),
                e.createdAt, e.updatedAt);
    }

    /** A stored document was checked when it was saved; read it back without a clock. */
    private static SavedSearch search(String document) {
        return SavedSearch.parse(JsonText.readObject(document), Set.of(), Instant.EPOCH);
    }
}
