package dev.gatehouse.identity.schema;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.gatehouse.identity.schema.TestSchemas.assertErrors;
import static dev.gatehouse.identity.schema.TestSchemas.assertFirstError;
import static dev.gatehouse.identity.schema.TestSchemas.error;
import static dev.gatehouse.identity.schema.TestSchemas.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built-in default schema: what it accepts, what it rejects with which Kratos message, what it extracts. */
class IdentitySchemaTest {

    private final IdentitySchema schema = TestSchemas.builtInDefault();

    @Test
    void defaultSchemaWhenLoadedThenKratosShapedDocument() {
        JsonObject doc = schema.document();

        assertEquals("default", schema.id());
        assertEquals("http://json-schema.org/draft-07/schema#", doc.getString("$schema"));
        assertEquals("Person", doc.getString("title"));
        JsonObject email = doc.getJsonObject("properties").getJsonObject("traits").getJsonObject("properties")
                .getJsonObject("email");
        JsonObject extension = email.getJsonObject("ory.sh/kratos");
        assertTrue(extension.getJsonObject("credentials").getJsonObject("password").getBoolean("identifier"));
        assertEquals("email", extension.getJsonObject("credentials").getJsonObject("code").getString("via"));
        assertEquals("email", extension.getJsonObject("verification").getString("via"));
        assertEquals("email", extension.getJsonObject("recovery").getString("via"));
        assertEquals(320, email.getInt("maxLength"));
    }

    @Test
    void identifierTitlesWhenDefaultSchemaThenTheEmailTraitsTitle() {
        assertEquals(List.of("E-Mail"), schema.identifierTitles(Set.of(CredentialKind.PASSWORD, CredentialKind.CODE)));
    }

    @Test
    void identifierTitlesWhenSeveralIdentifiersThenEachTitleOnceInSchemaOrder() {
        IdentitySchema two = IdentitySchema.of("two", json("""
                {"type": "object", "properties": {"traits": {"type": "object", "properties": {
                  "email": {"$ref": "#/$defs/email"},
                  "username": {"type": "string", "title": "Username",
                               "ory.sh/kratos": {"credentials": {"password": {"identifier": true}}}},
                  "nickname": {"type": "string", "title": "Nickname"}}}},
                 "$defs": {"email": {"type": "string", "format": "email", "title": "E-mail",
                   "ory.sh/kratos": {"credentials": {"password": {"identifier": true}, "code": {"identifier": true}}}}}}"""));

        assertEquals(List.of("E-mail", "Username"), two.identifierTitles(Set.of(CredentialKind.PASSWORD, CredentialKind.CODE)));
        assertEquals(List.of("E-mail"), two.identifierTitles(Set.of(CredentialKind.CODE)));
        assertEquals(List.of(), two.identifierTitles(Set.of(CredentialKind.WEBAUTHN)));
    }

    @Test
    void validateWhenTraitsValidThenNoErrors() {
        assertErrors(schema, "{\"email\": \"alice@example.com\", \"name\": {\"first\": \"Alice\", \"last\": \"Liddell\"}}");
        assertErrors(schema, "{\"email\": \"bob@example.org\"}");
    }

    @Test
    void validateWhenEmailMissingThenRequiredAtTraitsEmail() {
        assertErrors(schema, "{\"name\": {\"first\": \"Alice\"}}",
                error("traits.email", 4000002, "Property email is missing.", Map.of("property", "email")));
    }

    @Test
    void validateWhenEmailMalformedThenInvalidFormat() {
        assertErrors(schema, "{\"email\": \"not-an-email\"}", error("traits.email", 4000004,
                "\"not-an-email\" is not valid \"email\"", Map.of("expected_format", "email", "actual_value", "not-an-email")));
    }

    @Test
    void validateWhenEmailNotAStringThenWrongType() {
        assertErrors(schema, "{\"email\": 42}", error("traits.email", 4000026, "expected string, but got number",
                Map.of("allowed_types", List.of("string"), "actual_type", "number")));
    }

    @Test
    void validateWhenNameNotAnObjectThenWrongTypeAtTraitsName() {
        TraitError error = assertFirstError(schema, "{\"email\": \"a@example.com\", \"name\": \"Alice\"}", "traits.name", 4000026);

        assertEquals("expected object, but got string", error.text());
    }

    @Test
    void validateWhenUnknownTraitThenGenericErrorOnTraits() {
        String reason = "additionalProperties \"admin\" not allowed";
        assertErrors(schema, "{\"email\": \"a@example.com\", \"admin\": true}",
                error("traits", 4000001, reason, Map.of("reason", reason)));
    }

    @Test
    void validateWhenFirstNameTooLongThenMaxLengthAtTraitsNameFirst() {
        assertErrors(schema, "{\"email\": \"a@example.com\", \"name\": {\"first\": \"" + "x".repeat(101) + "\"}}",
                error("traits.name.first", 4000017, "length must be <= 100, but got 101",
                        Map.of("max_length", 100, "actual_length", 101)));
    }

    @Test
    void validateWhenEmailTooLongThenLengthCountedInCharactersNotBytes() {
        String email = "é".repeat(316) + "@x.io"; // 321 characters, 637 bytes

        TraitError error = schema.validate(json("{\"email\": \"" + email + "\"}")).stream()
                .filter(e -> e.id() == 4000017).findFirst().orElseThrow();

        assertEquals("length must be <= 320, but got 321", error.text());
    }

    @Test
    void identifierPathsWhenDefaultSchemaThenEmailForEveryCredential() {
        for (CredentialKind kind : CredentialKind.values()) {
            assertEquals(List.of("email"), schema.identifierPaths(kind), kind.name());
        }
    }

    @Test
    void identifiersWhenEmailHasCaseAndSpacesThenNormalised() {
        JsonObject traits = json("{\"email\": \"  Alice@Example.COM \", \"name\": {\"first\": \"Alice\"}}");

        assertEquals(List.of("alice@example.com"), schema.identifiers(CredentialKind.PASSWORD, traits));
        assertEquals(List.of("alice@example.com"), schema.identifiers(CredentialKind.CODE, traits));
        assertEquals(List.of("alice@example.com"), schema.identifiers(CredentialKind.WEBAUTHN, traits));
    }

    @Test
    void identifiersWhenTraitAbsentOrBlankThenNone() {
        assertEquals(List.of(), schema.identifiers(CredentialKind.PASSWORD, json("{}")));
        assertEquals(List.of(), schema.identifiers(CredentialKind.PASSWORD, json("{\"email\": \"   \"}")));
        assertEquals(List.of(), schema.identifiers(CredentialKind.PASSWORD, json("{\"email\": 7}")));
    }

    @Test
    void addressesWhenEmailPresentThenVerifiableAndRecoverableByEmail() {
        JsonObject traits = json("{\"email\": \"Alice@Example.COM\"}");

        assertEquals(List.of(new Address("email", "alice@example.com")), schema.verifiableAddresses(traits));
        assertEquals(List.of(new Address("email", "alice@example.com")), schema.recoveryAddresses(traits));
        assertEquals(List.of(), schema.recoveryAddresses(json("{}")));
    }
}
