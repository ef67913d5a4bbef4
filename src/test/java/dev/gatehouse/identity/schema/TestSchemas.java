package dev.gatehouse.identity.schema;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Fixtures for identity schema tests: JSON from text, the built-in schema, test schema files. */
final class TestSchemas {

    private TestSchemas() {
    }

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** The built-in default schema. */
    static IdentitySchema builtInDefault() {
        return IdentitySchema.of("default", SchemaSource.read("classpath:dev/gatehouse/identity/schema/default.schema.json"));
    }

    /** A schema from {@code src/test/resources/dev/gatehouse/identity/schema/<name>}. */
    static IdentitySchema resource(String id, String name) {
        return IdentitySchema.of(id, SchemaSource.read("classpath:dev/gatehouse/identity/schema/" + name));
    }

    /** {@code file:/...} location of a test resource, as an operator would configure it. */
    static String fileLocation(String name) {
        try {
            return "file:" + Path.of(TestSchemas.class.getResource(name).toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A one-trait schema: {@code traits.value} with the given property schema. */
    static IdentitySchema withTrait(String propertySchema) {
        return IdentitySchema.of("t", json("""
                {"type": "object", "properties": {"traits": {"type": "object",
                  "properties": {"value": %s}}}}""".formatted(propertySchema)));
    }

    /** Asserts that {@code traits} (JSON text) break {@code schema} in exactly these ways. */
    static void assertErrors(IdentitySchema schema, String traits, TraitError... expected) {
        assertEquals(List.of(expected), schema.validate(json(traits)));
    }

    /** Asserts that the first error for {@code traits} is the message {@code id} on the field {@code path}. */
    static TraitError assertFirstError(IdentitySchema schema, String traits, String path, long id) {
        List<TraitError> errors = schema.validate(json(traits));
        TraitError first = errors.isEmpty() ? null : errors.get(0);
        assertEquals(path + " " + id, first == null ? "no error" : first.path() + " " + first.id(), errors.toString());
        return first;
    }

    static TraitError error(String path, long id, String text, Map<String, Object> context) {
        return new TraitError(path, id, text, context);
    }
}
