package dev.gatehouse.identity.schema;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.gatehouse.identity.schema.TestSchemas.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Phone numbers as traits: one E.164 spelling per number, Kratos' {@code tel} format, addresses reached by SMS. */
class PhoneTraitsTest {

    private final IdentitySchema schema = IdentitySchema.of("phone",
            SchemaSource.read("classpath:dev/gatehouse/identity/schema/phone.schema.json"));

    @Test
    void e164WhenThreeSpellingsOfOneGermanNumberThenOneValue() {
        assertEquals(Optional.of("+49301234567"), PhoneNumbers.e164("+49 30 1234567", "DE"));
        assertEquals(Optional.of("+49301234567"), PhoneNumbers.e164("0049301234567", "DE"));
        assertEquals(Optional.of("+49301234567"), PhoneNumbers.e164("030 1234567", "DE"));
        assertEquals(Optional.of("+49301234567"), PhoneNumbers.e164("+49 (30) 123-45-67", null));
    }

    @Test
    void e164WhenNoPlusAndNoRegionThenRefused() {
        assertEquals(Optional.empty(), PhoneNumbers.e164("030 1234567", null));
    }

    @Test
    void e164WhenNotAValidNumberThenRefused() {
        assertEquals(Optional.empty(), PhoneNumbers.e164("+49 1", "DE"));
        assertEquals(Optional.empty(), PhoneNumbers.e164("hello", "DE"));
        assertEquals(Optional.empty(), PhoneNumbers.e164("ada@example.com", "DE"));
        assertEquals(Optional.empty(), PhoneNumbers.e164("+4930" + "1".repeat(80), "DE"));
        assertTrue(PhoneNumbers.isE164("+49301234567"));
        assertFalse(PhoneNumbers.isE164("0301234567"));
    }

    @Test
    void normaliseWhenNationalSpellingThenE164InTraitsAndIdentifiers() {
        JsonObject traits = schema.normalise(json("{\"phone\": \"030 1234567\"}"), "DE");
        assertEquals("+49301234567", traits.getString("phone"));
        assertEquals(List.of(), schema.validate(traits));
        assertEquals(List.of("+49301234567"), schema.identifiers(CredentialKind.CODE, traits));
        assertEquals(List.of(new Address("sms", "+49301234567")), schema.codeAddresses(traits));
        assertEquals(List.of(new Address("sms", "+49301234567")), schema.verifiableAddresses(traits));
    }

    @Test
    void normaliseWhenEmailAndPhoneThenEachReachedByItsOwnChannel() {
        JsonObject traits = schema.normalise(json("{\"email\": \"Ada@Example.com\", \"phone\": \"+1 202 555 0143\"}"), "DE");
        assertEquals(List.of(new Address("email", "ada@example.com"), new Address("sms", "+12025550143")),
                schema.codeAddresses(traits));
    }

    @Test
    void validateWhenNoValidNumberThenKratosInvalidFormatOnTheField() {
        JsonObject traits = schema.normalise(json("{\"phone\": \"12\"}"), "DE");
        List<TraitError> errors = schema.validate(traits);
        assertEquals(1, errors.size());
        assertEquals("traits.phone", errors.get(0).path());
        assertEquals(TraitMessages.INVALID_FORMAT, errors.get(0).id());
        assertEquals("\"12\" is not valid \"tel\"", errors.get(0).text());
    }

    @Test
    void normaliseWhenSchemaHasNoPhoneTraitThenTraitsUnchanged() {
        IdentitySchema plain = TestSchemas.builtInDefault();
        JsonObject traits = json("{\"email\": \"030 1234567\"}");
        assertFalse(plain.hasPhoneTraits());
        assertEquals(traits, plain.normalise(traits, "DE"));
        assertTrue(schema.hasPhoneTraits());
    }
}
