package dev.gatehouse.audit.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileSearchesTest {

    static final String LOGINS = """
            local env = std.extVar('environment');
            {
              searches: [{
                name: 'Audit-Logins-kratos-failed',
                description: 'failed sign-ins in ' + env,
                owner: 'secops',
                query: { event_type: 'login_failed', since: if env == 'production' then 'now-24h' else 'now-7d' },
                fields: ['time', 'ip'],
              }],
            }
            """;
    /** Seconds of work: far longer than the bound the tests set. */
    static final String HEAVY = "{searches: [], n: std.foldl(function(a, i) a + std.foldl(function(x, j) x + j,"
            + " std.range(1, 10000), 0), std.range(1, 100000), 0)}";

    @TempDir
    Path dir;

    private int writes;

    private void write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        // a distinct modification time per write, so the fingerprint sees each change however fast the test runs
        Files.setLastModifiedTime(p, FileTime.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(++writes)));
    }

    private FileSearches searches(String environment, Duration timeout) {
        return new FileSearches(Optional.of(dir), environment, timeout);
    }

    @Test
    void reloadWhenFileUsesExtVarThenSearchesOfTheDefaultTenantReadOnlyWithStableIds() throws IOException {
        write("logins.jsonnet", LOGINS);
        FileSearches files = searches("staging", Duration.ofSeconds(10));

        assertTrue(files.reload());

        StoredSearch s = files.of("default").get(0);
        assertEquals(StoredSearch.Source.FILE, s.source());
        assertEquals("logins.jsonnet", s.file());
        assertEquals("failed sign-ins in staging", s.search().description());
        assertEquals(List.of("now-7d"), s.search().query().get("since"));
        assertEquals(SearchFiles.id("default", "Audit-Logins-kratos-failed"), s.id());
        assertEquals(List.of(), files.of("acme"));
        assertFalse(files.reload(), "an unchanged directory is not read again");
    }

    @Test
    void reloadWhenFileNamesTenantThenItsSearchesBelongToThatTenantOnly() throws IOException {
        write("acme.jsonnet", "{tenant: 'acme', searches: [{name: 'Audit-Tokens-hydra-issued', query: {event_type: 'oauth2_token_issued'}}]}");
        FileSearches files = searches("production", Duration.ofSeconds(10));

        files.reload();

        assertEquals(1, files.of("acme").size());
        assertEquals(List.of(), files.of("default"));
        assertTrue(files.find("default", SearchFiles.id("acme", "Audit-Tokens-hydra-issued")).isEmpty());
    }

    @Test
    void reloadWhenFileBrokenThenLastGoodSetStaysAndTheReasonNamesTheFile() throws IOException {
        write("logins.jsonnet", LOGINS);
        FileSearches files = searches("production", Duration.ofSeconds(10));
        files.reload();

        write("logins.jsonnet", LOGINS.replace("searches: [{", "searches: [{{"));

        assertFalse(files.reload());
        assertEquals("Audit-Logins-kratos-failed", files.of("default").get(0).search().name());
        assertEquals("logins.jsonnet", files.problem().orElseThrow().file());
        assertTrue(files.problem().get().reason().startsWith("is not valid jsonnet"), files.problem().get().reason());
    }

    @Test
    void reloadWhenSearchInvalidThenLastGoodSetStaysAndTheReasonNamesTheField() throws IOException {
        write("logins.jsonnet", LOGINS);
        FileSearches files = searches("production", Duration.ofSeconds(10));
        files.reload();

        write("logins.jsonnet", LOGINS.replace("login_failed", "Login Failed"));

        assertFalse(files.reload());
        assertEquals(1, files.of("default").size());
        assertTrue(files.problem().orElseThrow().reason().startsWith("searches[0]: event_type "), files.problem().get().reason());
    }

    @Test
    void reloadWhenFileTooSlowThenLastGoodSetStaysAndTheReasonSaysTheBound() throws IOException {
        write("logins.jsonnet", LOGINS);
        FileSearches files = searches("production", Duration.ofMillis(300));
        files.reload();

        write("heavy.jsonnet", HEAVY);

        assertFalse(files.reload());
        assertEquals(1, files.of("default").size());
        assertEquals("heavy.jsonnet", files.problem().orElseThrow().file());
        assertTrue(files.problem().get().reason().contains("300ms"), files.problem().get().reason());
    }

    @Test
    void reloadWhenFileImportsFromOutsideTheDirectoryThenLastGoodSetStays() throws IOException {
        Path outside = Files.createTempFile("searches", ".libsonnet");
        try {
            Files.writeString(outside, "{searches: []}");
            write("logins.jsonnet", LOGINS);
            FileSearches files = searches("production", Duration.ofSeconds(10));
            files.reload();

            write("escape.jsonnet", "import '" + outside + "'");
            assertFalse(files.reload());
            write("escape.jsonnet", "import '../" + outside.getFileName() + "'");
            assertFalse(files.reload());

            assertEquals(1, files.of("default").size());
            assertEquals("escape.jsonnet", files.problem().orElseThrow().file());
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void reloadWhenFileImportsLibraryBesideItThenComposed() throws IOException {
        write("base.libsonnet", "{ failed(subject, source, type):: { name: 'Audit-' + subject + '-' + source + '-failed',"
                + " query: { event_type: type, result: 'failure' } } }");
        write("all.jsonnet", "local b = import 'base.libsonnet'; {searches: [b.failed('Logins', 'kratos', 'login_failed'),"
                + " b.failed('Recoveries', 'kratos', 'recovery_failed')]}");
        FileSearches files = searches("production", Duration.ofSeconds(10));

        files.reload();

        assertEquals(List.of("Audit-Logins-kratos-failed", "Audit-Recoveries-kratos-failed"),
                files.of("default").stream().map(s -> s.search().name()).toList());
    }

    @Test
    void reloadWhenTwoFilesDefineOneNameThenRefusedNamingTheSecond() throws IOException {
        write("a.jsonnet", LOGINS);
        write("b.jsonnet", LOGINS);
        FileSearches files = searches("production", Duration.ofSeconds(10));

        assertFalse(files.reload());

        assertEquals("b.jsonnet", files.problem().orElseThrow().file());
        assertEquals(List.of(), files.of("default"));
    }

    @Test
    void reloadWhenFileFixedThenNewSetReplacesTheOldAndTheProblemClears() throws IOException {
        write("logins.jsonnet", LOGINS);
        FileSearches files = searches("production", Duration.ofSeconds(10));
        files.reload();
        write("logins.jsonnet", "{");
        files.reload();

        write("logins.jsonnet", LOGINS.replace("Audit-Logins-kratos-failed", "Audit-Logins-kratos-failures"));

        assertTrue(files.reload());
        assertEquals("Audit-Logins-kratos-failures", files.of("default").get(0).search().name());
        assertTrue(files.problem().isEmpty());
    }

    @Test
    void reloadWhenTheDocumentedExampleThenItsSearchesLoad() {
        FileSearches files = new FileSearches(Optional.of(Path.of("docs/examples/audit-searches")), "production",
                Duration.ofSeconds(10));

        assertTrue(files.reload(), files.problem().map(SearchFileException::getMessage).orElse(""));

        assertEquals(List.of("Audit-Logins-kratos-failed", "Audit-Verifications-kratos-device"),
                files.of("default").stream().map(s -> s.search().name()).sorted().toList());
    }

    @Test
    void reloadWhenJsonnetExportWrittenToTheDirectoryThenTheSameSearchInItsTenant() throws IOException {
        SavedSearch s = SavedSearch.parse(dev.gatehouse.kernel.json.JsonText.readObject("""
                {"name": "Audit-Logins-kratos-failed", "description": "it's a backslash \\\\ and \\"quotes\\"", "owner": "secops",
                 "query": {"event_type": ["login_failed", "login"], "since": "now-24h"}, "fields": ["ip"],
                 "base_url": "https://logs.example.com/admin/audit/events"}
                """), java.util.Set.of(), Instant.EPOCH);
        write("exported.jsonnet", JsonnetExport.of("acme", s));
        FileSearches files = searches("production", Duration.ofSeconds(10));

        assertTrue(files.reload(), files.problem().map(SearchFileException::getMessage).orElse(""));

        assertEquals(s, files.of("acme").get(0).search());
    }
}
