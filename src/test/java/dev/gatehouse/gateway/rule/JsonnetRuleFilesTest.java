package dev.gatehouse.gateway.rule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonnetRuleFilesTest {

    static final String BASE = """
            {
              rule(id, host):: {
                id: id,
                match: { url: 'http://' + host + '/<.*>', methods: ['GET'] },
                authenticators: [{ handler: 'anonymous' }],
                authorizer: { handler: 'allow' },
                mutators: [{ handler: 'noop' }],
              },
            }
            """;

    @TempDir
    Path dir;

    @Test
    void readWhenJsonnetThenEvaluatedToTheSameRuleAsJson() throws IOException {
        write("rules.jsonnet", "[{ id: 'r-' + std.toString(1 + 1), match: { url: 'http://a.test/<.*>', methods: ['get'] },"
                + " authenticators: [{ handler: 'anonymous' }], authorizer: { handler: 'allow' }, mutators: [{ handler: 'noop' }] }]");

        Rule r = RuleFiles.read(List.of(dir.toString())).get(0);

        assertEquals("r-2", r.id());
        assertEquals(List.of("GET"), r.methods());
        assertEquals(r, RuleDocuments.parse(RuleDocuments.Format.JSON, "[" + r.toJson() + "]").get(0));
    }

    @Test
    void readWhenOverlayImportsLibraryAndUsesExtVarsThenComposed() throws IOException {
        write("base.libsonnet", BASE);
        write("prod.jsonnet", """
                local base = import 'base.libsonnet';
                local overlay = { authorizer: { handler: 'deny' } };
                [base.rule('api-' + std.extVar('env'), 'api.' + std.extVar('domain')) + overlay]
                """);

        Rule r = RuleFiles.read(List.of(dir.toString()), JsonnetSettings.withExtVars(Map.of("env", "prod", "domain", "example.com"))).get(0);

        assertEquals("api-prod", r.id());
        assertTrue(r.toJson().toString().contains("http://api.example.com/<.*>"), r.toJson().toString());
        assertEquals("deny", r.toJson().getJsonObject("authorizer").getString("handler"));
    }

    @Test
    void readWhenExtVarValueLooksLikeCodeThenItStaysAString() throws IOException {
        write("r.jsonnet", BASE.replace("{\n  rule", "local lib = {\n  rule") + ";\n[lib.rule(std.extVar('env'), 'a.test')]");

        Rule r = RuleFiles.read(List.of(dir.toString()), JsonnetSettings.withExtVars(Map.of("env", "error 'x'"))).get(0);

        assertEquals("error 'x'", r.id());
    }

    @Test
    void readWhenImportEscapesTheRulesDirectoryThenRefused() throws IOException {
        Path rules = Files.createDirectory(dir.resolve("rules"));
        Files.writeString(dir.resolve("secret.libsonnet"), BASE);
        Files.writeString(rules.resolve("up.jsonnet"), "(import '../secret.libsonnet').rule('x', 'a.test')");
        Path abs = Files.createDirectory(dir.resolve("abs"));
        Files.writeString(abs.resolve("abs.jsonnet"), "[(import '" + dir.resolve("secret.libsonnet") + "').rule('x', 'a.test')]");
        Path passwd = Files.createDirectory(dir.resolve("str"));
        Files.writeString(passwd.resolve("str.jsonnet"), "[{ id: importstr '/etc/passwd' }]");

        for (Path location : List.of(rules, abs, passwd)) {
            InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> RuleFiles.read(List.of(location.toString())));
            assertTrue(e.getMessage().contains("import"), e.getMessage());
        }
        Files.writeString(rules.resolve("inside.libsonnet"), BASE);
        Files.writeString(rules.resolve("up.jsonnet"), "[(import 'inside.libsonnet').rule('x', 'a.test')]");
        assertEquals("x", RuleFiles.read(List.of(rules.toString())).get(0).id());
    }

    @Test
    void readWhenJsonnetIsBrokenThenErrorNamesFileAndLine() throws IOException {
        write("good.json", "[]");
        write("broken.jsonnet", "[\n  { id: 'a' },\n  std.extVar('missing'),\n]");

        InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> RuleFiles.read(List.of(dir.toString())));

        assertTrue(e.getMessage().contains("broken.jsonnet"), e.getMessage());
        assertTrue(e.getMessage().contains("broken.jsonnet:3"), e.getMessage());
    }

    @Test
    void parseWhenJsonnetWithoutDirectoryThenNoImportAndNoFileRead() {
        InvalidRuleException e = assertThrows(InvalidRuleException.class,
                () -> RuleDocuments.parse(RuleDocuments.Format.JSONNET, "[importstr '/etc/hostname']"));

        assertEquals("document", e.field());
        assertEquals(RuleDocuments.Format.JSONNET, RuleDocuments.Format.ofMediaType("application/jsonnet"));
    }

    /** sjsonnet's std.parseYaml needs snakeyaml 1.x with its unsafe constructor, which is not in the WAR. */
    @Test
    void parseWhenStdParseYamlThenRefusedAsAnInvalidDocument() {
        InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> RuleDocuments.parse(RuleDocuments.Format.JSONNET,
                "[std.parseYaml('id: x')]"));

        assertEquals("document", e.field());
    }

    /** Finite, but about 10^9 additions: minutes of work. */
    static final String HEAVY = "[std.foldl(function(a, i) a + std.foldl(function(x, j) x + j, std.range(1, 10000), 0),"
            + " std.range(1, 100000), 0)]";

    @Test
    void readWhenJsonnetRunsLongerThanTheTimeoutThenRejectedNamingTheFileAndTheBound() throws IOException {
        write("heavy.jsonnet", HEAVY);
        JsonnetSettings quick = new JsonnetSettings(Map.of(), Duration.ofMillis(300));
        long start = System.nanoTime();

        InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> RuleFiles.read(List.of(dir.toString()), quick));

        assertTrue(e.getMessage().contains("heavy.jsonnet"), e.getMessage());
        assertTrue(e.getMessage().contains("evaluation took longer than 300ms"), e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(3)) < 0, "returned at the bound");
    }

    @Test
    void parseWhenJsonnetTimesOutThenTheAbandonedEvaluationStopsAndFreesItsThread() throws InterruptedException {
        JsonnetSettings quick = new JsonnetSettings(Map.of(), Duration.ofMillis(200));

        InvalidRuleException e = assertThrows(InvalidRuleException.class,
                () -> RuleDocuments.parse(RuleDocuments.Format.JSONNET, HEAVY, null, null, quick));

        assertEquals("document", e.field());
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (jsonnetThreads() > 0 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertEquals(0, jsonnetThreads(), "the timed-out evaluation gave up instead of running to the end");
        assertEquals(List.of(), RuleDocuments.parse(RuleDocuments.Format.JSONNET, "[]", null, null, quick));
    }

    private static long jsonnetThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("gatehouse-jsonnet")).count();
    }

    @Test
    void fingerprintWhenLibraryChangesThenDifferent() throws IOException {
        write("base.libsonnet", BASE);
        write("r.jsonnet", "[]");
        String before = RuleFiles.fingerprint(List.of(dir.toString()));

        write("base.libsonnet", BASE + "\n");

        assertNotEquals(before, RuleFiles.fingerprint(List.of(dir.toString())));
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }
}
