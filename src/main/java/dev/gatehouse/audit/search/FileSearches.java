package dev.gatehouse.audit.search;

import dev.gatehouse.kernel.log.Logs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The saved searches defined in jsonnet files, as last read well. {@link #reload} re-reads the directory when its
 * fingerprint changed; when a file is broken, too slow or imports from outside the directory, the searches in force
 * stay and the reason (which file, why; bounded, no values of the document) is logged and kept in {@link #problem}.
 * Each node reads the files itself: they are configuration, like the gateway's rule files.
 */
@ApplicationScoped
public class FileSearches {

    private static final Logger LOG = Logs.of(FileSearches.class);

    private Optional<Path> dir;
    private String environment;
    private Duration timeout;
    private volatile List<StoredSearch> searches = List.of();
    private volatile Optional<SearchFileException> problem = Optional.empty();
    private String fingerprint;

    protected FileSearches() {
    }

    @Inject
    public FileSearches(AuditSearchConfig config) {
        this(config.dir(), config.environment(), config.timeout());
    }

    /** Searches from {@code dir} (none when empty), evaluated with this environment and time bound. */
    public FileSearches(Optional<Path> dir, String environment, Duration timeout) {
        this.dir = dir;
        this.environment = environment;
        this.timeout = timeout;
    }

    /** Reads the files again if they changed; true when the searches in force were replaced. */
    public synchronized boolean reload() {
        if (dir.isEmpty()) {
            return false;
        }
        String now = SearchFiles.fingerprint(dir.get());
        if (now.equals(fingerprint)) {
            return false;
        }
        fingerprint = now;
        try {
            searches = SearchFiles.read(dir.get(), environment, timeout);
            problem = Optional.empty();
            LOG.info("Audit searches: " + searches.size() + " saved search(es) read from " + dir.get());
            return true;
        } catch (SearchFileException e) {
            problem = Optional.of(e);
            LOG.warning("Audit searches: " + e.file() + " " + e.reason() + "; the " + searches.size()
                    + " saved search(es) read before stay in force");
            return false;
        }
    }

    /** The tenant's file searches, by name. */
    public List<StoredSearch> of(String tenant) {
        return searches.stream().filter(s -> s.tenant().equals(tenant)).toList();
    }

    public Optional<StoredSearch> find(String tenant, String id) {
        return searches.stream().filter(s -> s.tenant().equals(tenant) && s.id().equals(id)).findFirst();
    }

    public Optional<StoredSearch> findByName(String tenant, String name) {
        return searches.stream().filter(s -> s.tenant().equals(tenant) && s.search().name().equals(name)).findFirst();
    }

    /** Why the last read failed, while the searches read before it stay in force. */
    public Optional<SearchFileException> problem() {
        return problem;
    }
}
