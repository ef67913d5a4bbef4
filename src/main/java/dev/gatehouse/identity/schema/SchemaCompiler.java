package dev.gatehouse.identity.schema;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks and compiles identity schemas with networknt's validator. A document must be a valid JSON Schema of
 * the draft its {@code $schema} names (draft-07 when it names none, as in Kratos' presets), describe
 * {@code properties.traits}, and use the {@code "ory.sh/kratos"} extension as Kratos defines it. Nothing is
 * fetched: references to other documents, remote or local files, fail compilation. Format keywords are
 * assertions in every draft, as they are in Kratos.
 */
final class SchemaCompiler {

    private static final SpecificationVersion DEFAULT_DIALECT = SpecificationVersion.DRAFT_7;
    private static final int SHOWN_PROBLEMS = 3;
    private static final SchemaRegistry META = registry();
    private static final Schema EXTENSION = extensionSchema();

    private SchemaCompiler() {
    }

    /** @throws IllegalArgumentException with a one-line reason when the document is not a usable identity schema */
    static Schema compile(JsonObject document) {
        JsonNode node = JacksonBridge.toJackson(document);
        SpecificationVersion dialect = dialect(document);
        List<Error> invalid = META.getSchema(SchemaLocation.of(dialect.getDialectId())).validate(node);
        if (!invalid.isEmpty()) {
            throw new IllegalArgumentException("is not a valid JSON Schema: " + describe(invalid));
        }
        if (!(document.getOrDefault("properties", JsonValue.NULL) instanceof JsonObject properties
                && properties.get("traits") instanceof JsonObject)) {
            throw new IllegalArgumentException("is not an identity schema: it has no \"traits\" object under \"properties\"");
        }
        checkExtensions(node, "");
        try {
            // a registry per schema: two schemas with the same $id (copies of one preset) never see each other
            Schema schema = registry().getSchema(node);
            schema.initializeValidators();
            return schema;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot be compiled (" + firstLine(e.getMessage())
                    + "); only references within the document are followed", e);
        }
    }

    private static SpecificationVersion dialect(JsonObject document) {
        JsonValue declared = document.get("$schema");
        if (declared == null) {
            return DEFAULT_DIALECT;
        }
        String id = declared instanceof JsonString s ? s.getString() : declared.toString();
        return SpecificationVersion.fromDialectId(id)
                .or(() -> SpecificationVersion.fromDialectId(id.endsWith("#") ? id.substring(0, id.length() - 1) : id + "#"))
                .orElseThrow(() -> new IllegalArgumentException("declares \"$schema\": " + firstLine(id)
                        + ", which is not a JSON Schema draft this server knows (draft-04 to 2020-12)"));
    }

    private static void checkExtensions(JsonNode node, String location) {
        if (node.isObject()) {
            JsonNode extension = node.get(TraitMark.EXTENSION);
            if (extension != null) {
                List<Error> invalid = EXTENSION.validate(extension);
                if (!invalid.isEmpty()) {
                    throw new IllegalArgumentException("has an invalid \"" + TraitMark.EXTENSION + "\" extension at "
                            + (location.isEmpty() ? "/" : location) + ": " + describe(invalid));
                }
            }
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                if (!member.getKey().equals(TraitMark.EXTENSION)) {
                    checkExtensions(member.getValue(), location + "/" + member.getKey());
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkExtensions(node.get(i), location + "/" + i);
            }
        }
    }

    private static SchemaRegistry registry() {
        // every dialect with our email format, which does not insist on a known top-level domain, and Kratos' tel format
        java.util.List<com.networknt.schema.dialect.Dialect> dialects = java.util.stream.Stream.of(
                        com.networknt.schema.dialect.Dialects.getDraft4(), com.networknt.schema.dialect.Dialects.getDraft6(),
                        com.networknt.schema.dialect.Dialects.getDraft7(), com.networknt.schema.dialect.Dialects.getDraft201909(),
                        com.networknt.schema.dialect.Dialects.getDraft202012())
                .map(d -> com.networknt.schema.dialect.Dialect.builder(d).format(new LenientEmailFormat()).format(new TelFormat()).build())
                .toList();
        return SchemaRegistry.withDialects(dialects, builder -> builder
                .defaultDialectId(com.networknt.schema.dialect.Dialects.getDraft7().getId())
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                .schemaLoader(loader -> loader.fetchRemoteResources(false)));
    }

    private static Schema extensionSchema() {
        try (InputStream in = SchemaCompiler.class.getResourceAsStream("extension.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("extension.schema.json is missing from the build");
            }
            Schema schema = META.getSchema(in, InputFormat.JSON);
            schema.initializeValidators();
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(List<Error> problems) {
        String shown = problems.stream().limit(SHOWN_PROBLEMS)
                .map(e -> (e.getInstanceLocation() == null || e.getInstanceLocation().getNameCount() == 0
                        ? "/" : e.getInstanceLocation().toString()) + " " + e.getMessage())
                .collect(Collectors.joining("; "));
        return problems.size() > SHOWN_PROBLEMS ? shown + "; and " + (problems.size() - SHOWN_PROBLEMS) + " more" : shown;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        String line = message.lines().findFirst().orElse("").strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
