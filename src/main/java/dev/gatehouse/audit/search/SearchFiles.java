package dev.gatehouse.audit.search;

import dev.gatehouse.kernel.json.JsonText;
import dev.gatehouse.kernel.log.LogText;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.jsonnet.Jsonnet;
import dev.gatehouse.platform.jsonnet.JsonnetException;
import dev.gatehouse.platform.jsonnet.RootedImporter;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import scala.util.Either;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Reads the saved searches defined in the {@code *.jsonnet} files of a directory (not hidden, not in subdirectories,
 * in name order). Each file evaluates to {@code {tenant: 'acme', searches: [ ... ]}}: {@code tenant} is optional (the
 * default tenant), each search is in the compact form of {@link SavedSearch}. {@code std.extVar('environment')} is
 * the configured environment; imports stay under the directory ({@link RootedImporter}); one evaluation is bounded
 * in time. A file's searches get ids derived from tenant and name, the same on every node and after every reload.
 * The first file that cannot be used fails the whole read, naming the file.
 */
public final class SearchFiles {

    public static final int MAX_FILE_CHARS = 256 * 1024;
    private static final int MAX_FILES = 200;
    private static final int MAX_SEARCHES = 1000;
    private static final int MAX_REASON = 300;

    private SearchFiles() {
    }

    /** Names, sizes and modification times of the files (and the libraries they may import): cheap to poll. */
    public static String fingerprint(Path dir) {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(SearchFiles::visible).sorted().toList()) {
                b.append(p.getFileName()).append('|').append(Files.size(p)).append('|')
                        .append(Files.getLastModifiedTime(p).toMillis()).append('\n');
            }
        } catch (IOException e) {
            b.append("unreadable:").append(e.getClass().getSimpleName());
        }
        return b.toString();
    }

    /** Every search of every file. */
    public static List<StoredSearch> read(Path dir, String environment, Duration timeout) {
        Path root = real(dir);
        List<Path> files;
        try (Stream<Path> s = Files.list(root)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".jsonnet")).filter(SearchFiles::visible)
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new SearchFileException(dir.toString(), "cannot be listed");
        }
        if (files.size() > MAX_FILES) {
            throw new SearchFileException(dir.toString(), "holds more than " + MAX_FILES + " files");
        }
        List<StoredSearch> all = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path file : files) {
            for (StoredSearch s : file(root, file, environment, timeout)) {
                if (!names.add(s.tenant() + "/" + s.search().name())) {
                    throw new SearchFileException(file.getFileName().toString(),
                            "defines " + s.search().name() + " again (tenant " + s.tenant() + ")");
                }
                all.add(s);
            }
            if (all.size() > MAX_SEARCHES) {
                throw new SearchFileException(file.getFileName().toString(), "brings more than " + MAX_SEARCHES + " searches");
            }
        }
        return all;
    }

    /** The id of a file's search: derived from tenant and name. */
    public static String id(String tenant, String name) {
        return UUID.nameUUIDFromBytes(("audit-search-file:" + tenant + ":" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static List<StoredSearch> file(Path root, Path file, String environment, Duration timeout) {
        String name = file.getFileName().toString();
        String text;
        Instant modified;
        try {
            if (Files.size(file) > MAX_FILE_CHARS) {
                throw new SearchFileException(name, "is larger than " + MAX_FILE_CHARS + " bytes");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
            modified = Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new SearchFileException(name, "cannot be read");
        }
        String json = evaluate(root, file, text, environment, timeout);
        JsonObject doc;
        try {
            doc = JsonText.readObject(json);
        } catch (JsonException | ClassCastException | IllegalArgumentException e) {
            throw new SearchFileException(name, "must evaluate to an object {tenant, searches}");
        }
        for (String key : doc.keySet()) {
            if (!key.equals("tenant") && !key.equals("searches")) {
                throw new SearchFileException(name, "has " + LogText.bounded(key, 64) + ", not tenant or searches");
            }
        }
        String tenant = TenantId.DEFAULT.value();
        JsonValue t = doc.get("tenant");
        if (t != null) {
            if (!(t instanceof JsonString s) || !TenantId.isValid(s.getString())) {
                throw new SearchFileException(name, "has a tenant that is not a tenant id");
            }
            tenant = s.getString();
        }
        if (!(doc.get("searches") instanceof JsonArray searches)) {
            throw new SearchFileException(name, "must have searches: a list of saved searches");
        }
        List<StoredSearch> out = new ArrayList<>();
        for (int i = 0; i < searches.size(); i++) {
            if (!(searches.get(i) instanceof JsonObject o)) {
                throw new SearchFileException(name, "searches[" + i + "] is not an object");
            }
            SavedSearch search;
            try {
                search = SavedSearch.parse(o, Set.of(), Instant.now());
            } catch (ApiException e) {
                String field = e.fieldErrors().isEmpty() ? "" : e.fieldErrors().get(0).field() + " ";
                throw new SearchFileException(name, "searches[" + i + "]: " + bounded(field
                        + (e.fieldErrors().isEmpty() ? e.detail() : e.fieldErrors().get(0).message())));
            }
            out.add(new StoredSearch(id(tenant, search.name()), tenant, StoredSearch.Source.FILE, name, 1, search,
                    modified, modified));
        }
        return out;
    }

    private static String evaluate(Path root, Path file, String text, String environment, Duration timeout) {
        String name = file.getFileName().toString();
        Either<String, String> result;
        try {
            result = Jsonnet.bounded(() -> Jsonnet.interpret(text, file, new RootedImporter(root, MAX_FILE_CHARS),
                    Map.of("environment", Jsonnet.quoted(environment)), Map.of()), timeout);
        } catch (JsonnetException e) {
            throw new SearchFileException(name, e.reason());
        } catch (StackOverflowError e) {
            throw new SearchFileException(name, "is not valid jsonnet: recursion too deep");
        } catch (LinkageError e) {
            throw new SearchFileException(name, "is not valid jsonnet: uses a function saved-search files cannot use");
        }
        if (result.isLeft()) {
            // the parser quotes the text it found: leave it out, a log line needs the position, not the document
            String first = result.left().get().strip().split("\n")[0].replace(root + "/", "")
                    .replaceAll(", found \".*$", "");
            throw new SearchFileException(name, "is not valid jsonnet: " + bounded(first));
        }
        return result.right().get();
    }

    private static String bounded(String s) {
        return LogText.bounded(s, MAX_REASON);
    }

    private static boolean visible(Path p) {
        return !p.getFileName().toString().startsWith(".");
    }

    private static Path real(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            throw new SearchFileException(dir.toString(), "does not exist or cannot be read");
        }
    }
}
