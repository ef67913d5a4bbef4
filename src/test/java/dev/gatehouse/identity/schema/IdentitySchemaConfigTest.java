package dev.gatehouse.identity.schema;

import dev.gatehouse.kernel.config.InvalidConfigException;
import dev.gatehouse.kernel.config.MapConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentitySchemaConfigTest {

    private static final String SCHEMAS = "gatehouse.identity.schemas";
    private static final String DEFAULT_ID = "gatehouse.identity.default-schema-id";

    /** Asserts that the configuration is refused with a one-line message naming {@code key} and saying {@code problem}. */
    private static void assertInvalid(String key, String problem, String... keyValues) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> new IdentitySchemaConfig(MapConfig.of(keyValues)));
        assertEquals(key, e.key(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Invalid configuration: " + key + " "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void configWhenNothingSetThenOnlyTheBuiltInDefault() {
        IdentitySchemas schemas = new IdentitySchemas(new IdentitySchemaConfig(MapConfig.of()));

        assertEquals(List.of("default"), schemas.all().stream().map(IdentitySchema::id).toList());
        assertSame(schemas.find("default").orElseThrow(), schemas.defaultSchema());
        assertTrue(schemas.find("nobody").isEmpty());
        assertTrue(schemas.find(null).isEmpty());
    }

    @Test
    void configWhenSchemasFromFileAndClasspathThenAllSortedByIdBesideTheDefault() {
        IdentitySchemaConfig config = new IdentitySchemaConfig(MapConfig.of(SCHEMAS,
                "zeta=classpath:dev/gatehouse/identity/schema/contact.schema.json, customer="
                        + TestSchemas.fileLocation("contact.schema.json"), DEFAULT_ID, "customer"));
        IdentitySchemas schemas = new IdentitySchemas(config);

        assertEquals(List.of("customer", "default", "zeta"), schemas.all().stream().map(IdentitySchema::id).toList());
        assertEquals("customer", schemas.defaultSchema().id());
        assertEquals(List.of("contact.email", "phone"), schemas.defaultSchema().identifierPaths(CredentialKind.PASSWORD));
    }

    @Test
    void configWhenEntryWithIdDefaultThenItReplacesTheBuiltIn() {
        IdentitySchemas schemas = new IdentitySchemas(new IdentitySchemaConfig(MapConfig.of(SCHEMAS,
                "default=classpath:dev/gatehouse/identity/schema/contact.schema.json")));

        assertEquals(1, schemas.all().size());
        assertEquals("Customer", schemas.defaultSchema().document().getString("title"));
    }

    @Test
    void configWhenEntryNotIdEqualsLocationThenInvalidNamingKey() {
        assertInvalid(SCHEMAS, "each entry must be id=location", SCHEMAS, "just-a-path.json");
        assertInvalid(SCHEMAS, "each entry must be id=location", SCHEMAS, "bad id=classpath:x.json");
        assertInvalid(SCHEMAS, "each entry must be id=location", SCHEMAS, "x=");
    }

    @Test
    void configWhenLocationSchemeUnknownThenInvalidNamingKey() {
        assertInvalid(SCHEMAS, "use file:/absolute/path.json or classpath:name.json", SCHEMAS, "x=https://example.com/x.json");
    }

    @Test
    void configWhenFileMissingThenInvalidNamingKey() {
        assertInvalid(SCHEMAS, "cannot be read (no such file)", SCHEMAS, "x=file:/nonexistent/gatehouse/x.schema.json");
        assertInvalid(SCHEMAS, "is not an absolute file path", SCHEMAS, "x=file:relative/x.json");
        assertInvalid(SCHEMAS, "cannot be read (no such resource on the class path)", SCHEMAS, "x=classpath:no/such/resource.json");
    }

    @Test
    void configWhenFileNotJsonThenInvalidNamingKey() {
        assertInvalid(SCHEMAS, "is not valid JSON", SCHEMAS, "x=" + TestSchemas.fileLocation("broken.schema.json"));
    }

    @Test
    void configWhenDocumentNotAJsonSchemaThenInvalidNamingKeyAndWhere() {
        assertInvalid(SCHEMAS, "is not a valid JSON Schema: /properties/traits/properties/email", SCHEMAS,
                "x=classpath:dev/gatehouse/identity/schema/not-a-schema.schema.json");
    }

    @Test
    void configWhenIdTwiceThenInvalid() {
        String location = "classpath:dev/gatehouse/identity/schema/contact.schema.json";

        assertInvalid(SCHEMAS, "the id a is configured twice", SCHEMAS, "a=" + location + ",a=" + location);
    }

    @Test
    void configWhenDefaultIdNotAmongSchemasThenInvalidNamingDefaultIdKey() {
        assertInvalid(DEFAULT_ID, "is not the id of an identity schema; there are [default]", DEFAULT_ID, "customer");
    }
}
