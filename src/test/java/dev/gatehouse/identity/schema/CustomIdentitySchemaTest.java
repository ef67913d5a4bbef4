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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A customer schema (draft 2020-12) with a nested identifier reached through {@code $ref}, a phone number that
 * identifies without being an email, and an array of recovery addresses.
 */
class CustomIdentitySchemaTest {

    private final IdentitySchema schema = TestSchemas.resource("customer", "contact.schema.json");

    private static final JsonObject TRAITS = json("""
            {"contact": {"email": " Carol@Example.COM"}, "phone": "+4915112345678",
             "backup_emails": ["Carol.Backup@Example.com", "carol.backup@example.com ", "x@example.org"]}""");

    @Test
    void identifierPathsWhenNestedAndPhoneThenDotSeparatedPerCredential() {
        assertEquals(List.of("contact.email", "phone"), schema.identifierPaths(CredentialKind.PASSWORD));
        assertEquals(List.of("phone"), schema.identifierPaths(CredentialKind.CODE));
        assertEquals(List.of("contact.email"), schema.identifierPaths(CredentialKind.WEBAUTHN));
    }

    @Test
    void identifierTitlesWhenTraitsHaveNoTitleThenTheirNames() {
        assertEquals(List.of("email", "phone"), schema.identifierTitles(Set.of(CredentialKind.PASSWORD)));
        assertEquals(List.of("phone"), schema.identifierTitles(Set.of(CredentialKind.CODE)));
    }

    @Test
    void identifiersWhenNestedEmailAndPhoneThenEmailNormalisedPhoneAsGiven() {
        assertEquals(List.of("carol@example.com", "+4915112345678"), schema.identifiers(CredentialKind.PASSWORD, TRAITS));
        assertEquals(List.of("+4915112345678"), schema.identifiers(CredentialKind.CODE, TRAITS));
        assertEquals(List.of("carol@example.com"), schema.identifiers(CredentialKind.WEBAUTHN, TRAITS));
    }

    @Test
    void identifiersWhenNestedParentMissingThenSkipped() {
        assertEquals(List.of("+4915112345678"), schema.identifiers(CredentialKind.PASSWORD, json("{\"phone\": \"+4915112345678\"}")));
        assertEquals(List.of(), schema.identifiers(CredentialKind.PASSWORD, json("{\"contact\": \"carol@example.com\"}")));
    }

    @Test
    void verifiableAddressesWhenEmailAndPhoneThenEachWithItsChannel() {
        assertEquals(List.of(new Address("email", "carol@example.com"), new Address("sms", "+4915112345678")),
                schema.verifiableAddresses(TRAITS));
    }

    @Test
    void recoveryAddressesWhenArrayTraitThenEveryElementOnceNormalised() {
        assertEquals(List.of(new Address("email", "carol@example.com"), new Address("email", "carol.backup@example.com"),
                new Address("email", "x@example.org")), schema.recoveryAddresses(TRAITS));
    }

    @Test
    void validateWhenNestedRequiredMissingThenPathOfTheNestedField() {
        assertErrors(schema, "{\"contact\": {}}",
                error("traits.contact.email", 4000002, "Property email is missing.", Map.of("property", "email")));
    }

    @Test
    void validateWhen2020DraftFormatThenAsserted() {
        assertFirstError(schema, "{\"contact\": {\"email\": \"nope\"}}", "traits.contact.email", 4000004);
    }

    @Test
    void validateWhenPatternFailsThenInvalidFormatWithPattern() {
        assertErrors(schema, "{\"contact\": {\"email\": \"c@example.com\"}, \"phone\": \"0151\"}",
                error("traits.phone", 4000004, "does not match pattern \"^\\\\+[0-9]{7,15}$\"",
                        Map.of("pattern", "^\\+[0-9]{7,15}$")));
    }

    @Test
    void validateWhenArrayElementInvalidThenPathWithIndex() {
        assertFirstError(schema, "{\"contact\": {\"email\": \"c@example.com\"}, \"backup_emails\": [\"ok@example.com\", \"bad\"]}",
                "traits.backup_emails.1", 4000004);
    }

    @Test
    void ofWhenReferenceToAnotherDocumentThenRefusedWithoutFetching() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IdentitySchema.of("x", json("""
                {"type": "object", "properties": {"traits": {"type": "object",
                  "properties": {"email": {"$ref": "http://127.0.0.1:9/remote.schema.json"}}}}}""")));

        assertTrue(e.getMessage().startsWith("cannot be compiled"), e.getMessage());
    }

    @Test
    void ofWhenExtensionMisusedThenRefusedNamingTheLocation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TestSchemas.withTrait("""
                {"type": "string", "ory.sh/kratos": {"credentials": {"password": {"identifier": "yes"}}}}"""));

        assertTrue(e.getMessage().contains("\"ory.sh/kratos\" extension at /properties/traits/properties/value"), e.getMessage());
        assertTrue(e.getMessage().contains("/credentials/password/identifier"), e.getMessage());
    }

    @Test
    void ofWhenVerificationViaUnknownChannelThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> TestSchemas.withTrait("""
                {"type": "string", "ory.sh/kratos": {"verification": {"via": "pigeon"}}}"""));
    }

    @Test
    void ofWhenNoTraitsThenRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IdentitySchema.of("x", json("{\"type\": \"object\"}")));

        assertTrue(e.getMessage().startsWith("is not an identity schema"), e.getMessage());
    }

    @Test
    void ofWhenDialectUnknownThenRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IdentitySchema.of("x", json("""
                {"$schema": "https://example.test/my-dialect", "properties": {"traits": {"type": "object"}}}""")));

        assertTrue(e.getMessage().contains("not a JSON Schema draft"), e.getMessage());
    }
}
