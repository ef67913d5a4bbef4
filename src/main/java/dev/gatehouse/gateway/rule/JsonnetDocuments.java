package dev.gatehouse.gateway.rule;

import dev.gatehouse.platform.jsonnet.Jsonnet;
import dev.gatehouse.platform.jsonnet.RootedImporter;
import scala.util.Either;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Evaluates a jsonnet rule document (sjsonnet) to JSON text. Imports ({@code import}, {@code importstr}) resolve
 * relative to the importing file and only to regular files under the rules directory: {@code ../} escapes,
 * absolute paths outside it and symbolic links leading out are refused. Without a directory (the validation
 * endpoint) nothing can be imported. Jsonnet has no network access. External variables are strings for
 * {@code std.extVar}. Errors carry the file and line. An evaluation is bounded in time
 * ({@link JsonnetSettings#timeout()}, {@link BoundedEvaluations}). {@code std.parseYaml} is not available (it
 * needs the snakeyaml 1.x that is excluded from the WAR).
 */
public final class JsonnetDocuments {

    private JsonnetDocuments() {
    }

    /**
     * @param file     the document's path (for imports and error positions), or {@code null} with {@code root}
     * @param root     the directory imports must stay under, or {@code null} for no imports at all
     * @param settings the external variables and the time bound of the evaluation
     */
    public static String evaluate(String text, Path file, Path root, JsonnetSettings settings) {
        Path realRoot = root == null ? null : real(root);
        Path doc = file != null ? file.toAbsolutePath().normalize() : Path.of("/document.jsonnet");
        Map<String, String> vars = new LinkedHashMap<>();
        // sjsonnet reads external variables as jsonnet code: quote them so they are plain strings
        settings.extVars().forEach((k, v) -> vars.put(k, Jsonnet.quoted(v)));
        return BoundedEvaluations.run(() -> interpret(text, doc, realRoot, vars), settings.timeout());
    }

    private static String interpret(String text, Path doc, Path realRoot, Map<String, String> vars) {
        Either<String, String> result;
        try {
            result = Jsonnet.interpret(text, doc, new RootedImporter(realRoot, RuleDocuments.MAX_DOCUMENT_CHARS), vars, Map.of());
        } catch (StackOverflowError e) {
            throw new InvalidRuleException("document", "is not valid jsonnet: recursion too deep");
        } catch (LinkageError e) {
            // std.parseYaml needs snakeyaml 1.x (and its unsafe constructor); the WAR has only the gateway's 2.x
            throw new InvalidRuleException("document", "is not valid jsonnet: uses std.parseYaml, which rule files cannot use");
        }
        if (result.isLeft()) {
            throw new InvalidRuleException("document", "is not valid jsonnet: " + firstLines(result.left().get(), doc, realRoot));
        }
        return result.right().get();
    }

    private static Path real(Path root) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new InvalidRuleException(root.toString(), "cannot be read");
        }
    }

    /** The error and its first position, with paths shown relative to the rules directory. */
    private static String firstLines(String error, Path doc, Path root) {
        String[] lines = error.strip().split("\n");
        StringBuilder b = new StringBuilder(lines[0].strip());
        if (lines.length > 1) {
            b.append(' ').append(lines[1].strip());
        }
        String s = b.toString();
        if (root != null) {
            s = s.replace(root + "/", "").replace(doc.getParent() + "/", "");
        }
        return s.replace("/document.jsonnet", "document.jsonnet");
    }
}
