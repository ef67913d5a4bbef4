package dev.gatehouse.audit.search;

import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.platform.db.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's saved searches: those created over the API (kept with their versions) and those read from jsonnet files
 * (read-only here: a change of one is a 409 that names its file). Names are unique per tenant across both. Every
 * create, update and delete fires {@code AUDIT_SEARCH_CREATED|UPDATED|DELETED} inside the transaction of the change,
 * so the audit log records its own saved searches' history.
 */
@ApplicationScoped
public class SavedSearches {

    @Inject
    SearchStore store;
    @Inject
    FileSearches files;
    @Inject
    Transactions transactions;
    @Inject
    SecurityEvents events;

    public List<StoredSearch> list(String tenant) {
        List<StoredSearch> all = new ArrayList<>(files.of(tenant));
        all.addAll(transactions.call(() -> store.list(tenant)));
        all.sort(Comparator.comparing((StoredSearch s) -> s.search().name()));
        return all;
    }

    public StoredSearch find(String tenant, String id) {
        return files.find(tenant, id).or(() -> transactions.call(() -> store.find(tenant, id)))
                .orElseThrow(SavedSearches::notFound);
    }

    public StoredSearch create(String tenant, SavedSearch search, String actor, String reason) {
        refuseTakenName(tenant, search.name(), null);
        try {
            return transactions.call(() -> {
                StoredSearch s = store.create(tenant, search, actor, reason);
                fire(SecurityEventType.AUDIT_SEARCH_CREATED, s, actor, reason);
                return s;
            });
        } catch (RuntimeException e) {
            // the unique name holds under concurrent creates: the loser gets the answer it would have got a moment later
            refuseTakenName(tenant, search.name(), null);
            throw e;
        }
    }

    public StoredSearch update(String tenant, String id, SavedSearch search, String actor, String reason) {
        refuseFile(tenant, id);
        refuseTakenName(tenant, search.name(), id);
        return transactions.call(() -> {
            StoredSearch s = store.update(tenant, id, search, actor, reason).orElseThrow(SavedSearches::notFound);
            fire(SecurityEventType.AUDIT_SEARCH_UPDATED, s, actor, reason);
            return s;
        });
    }

    public void delete(String tenant, String id, String actor, String reason) {
        refuseFile(tenant, id);
        transactions.run(() -> {
            StoredSearch s = store.find(tenant, id).orElseThrow(SavedSearches::notFound);
            if (!store.delete(tenant, id, actor, reason)) {
                throw notFound();
            }
            fire(SecurityEventType.AUDIT_SEARCH_DELETED, s, actor, reason);
        });
    }

    /** Newest first; a file's search has the one version the file gives it. */
    public List<SearchVersion> versions(String tenant, String id) {
        Optional<StoredSearch> file = files.find(tenant, id);
        if (file.isPresent()) {
            StoredSearch s = file.get();
            return List.of(new SearchVersion(1, s.search(), "file:" + s.file(), "defined in " + s.file(), s.updatedAt()));
        }
        List<SearchVersion> versions = transactions.call(() -> store.versions(tenant, id));
        if (versions.isEmpty()) {
            throw notFound();
        }
        return versions;
    }

    private void fire(SecurityEventType type, StoredSearch s, String actor, String reason) {
        events.fire(SecurityEvent.of(type, Outcome.SUCCESS).tenant(s.tenant()).actor(actor).subject(s.id())
                .detail("name", s.search().name()).detail("version", s.version()).detail("reason", reason));
    }

    private void refuseFile(String tenant, String id) {
        files.find(tenant, id).ifPresent(s -> {
            throw ApiException.conflict("This saved search is defined in the file " + s.file()
                    + " and is read-only here; change the file instead");
        });
    }

    private void refuseTakenName(String tenant, String name, String exceptId) {
        Optional<StoredSearch> taken = files.findByName(tenant, name)
                .or(() -> transactions.call(() -> store.findByName(tenant, name)));
        if (taken.isPresent() && !taken.get().id().equals(exceptId)) {
            throw ApiException.conflict("A saved search named " + name + " exists");
        }
    }

    private static ApiException notFound() {
        return ApiException.notFound("No saved search with this id");
    }
}
