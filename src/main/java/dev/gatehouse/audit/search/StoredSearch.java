package dev.gatehouse.audit.search;

import java.time.Instant;

/**
 * A saved search as a tenant has it: its id, where it comes from (the database, changeable over the API, or a jsonnet
 * file, read-only) and its current version.
 *
 * @param file the file's name for a search of {@link Source#FILE}, else null
 */
public record StoredSearch(String id, String tenant, Source source, String file, int version, SavedSearch search,
                           Instant createdAt, Instant updatedAt) {

    /** Where a search is defined. */
    public enum Source {
        /** Created over the API and kept in the database. */
        API,
        /** Defined in a jsonnet file of {@code gatehouse.audit.searches-dir}. */
        FILE;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
