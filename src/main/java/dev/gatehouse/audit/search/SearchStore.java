package dev.gatehouse.audit.search;

import java.util.List;
import java.util.Optional;

/**
 * Where the saved searches created over the API are kept, with every version. Every method runs in the caller's
 * transaction and is scoped by tenant.
 */
public interface SearchStore {

    List<StoredSearch> list(String tenant);

    Optional<StoredSearch> find(String tenant, String id);

    Optional<StoredSearch> findByName(String tenant, String name);

    /** Stores a new search as version 1. */
    StoredSearch create(String tenant, SavedSearch search, String actor, String reason);

    /** Makes {@code search} the next version of the search {@code id}; empty when the tenant has no such search. */
    Optional<StoredSearch> update(String tenant, String id, SavedSearch search, String actor, String reason);

    /** Deletes the search and records a last version saying so; false when the tenant has no such search. */
    boolean delete(String tenant, String id, String actor, String reason);

    /** The search's versions, newest first (empty when the tenant never had it). */
    List<SearchVersion> versions(String tenant, String id);
}
