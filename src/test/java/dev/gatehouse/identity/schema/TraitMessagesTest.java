package dev.gatehouse.identity.schema;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.gatehouse.identity.schema.TestSchemas.json;
import static dev.gatehouse.identity.schema.TestSchemas.withTrait;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each JSON Schema keyword becomes the Kratos message Kratos shows for it (ids of Kratos' text/id.go). */
class TraitMessagesTest {

    private static TraitError only(IdentitySchema schema, String value) {
        List<TraitError> errors = schema.validate(json("{\"value\": " + value + "}"));
        assertEquals(1, errors.size(), errors.toString());
        return errors.get(0);
    }

    private static void assertMessage(long id, String text, Map<String, Object> context, TraitError actual) {
        assertEquals(new TraitError("traits.value", id, text, context), actual);
    }

    @Test
    void minLengthThen4000003() {
        assertMessage(4000003, "length must be >= 3, but got 2", Map.of("min_length", 3, "actual_length", 2),
                only(withTrait("{\"type\": \"string\", \"minLength\": 3}"), "\"ab\""));
    }

    @Test
    void minimumAndMaximumThen4000018To4000021() {
        assertMessage(4000018, "must be >= 18 but found 12.5", Map.of("minimum", 18L, "actual", new java.math.BigDecimal("12.5")),
                only(withTrait("{\"type\": \"number\", \"minimum\": 18}"), "12.5"));
        assertMessage(4000019, "must be > 0 but found 0", Map.of("minimum", 0L, "actual", 0L),
                only(withTrait("{\"type\": \"number\", \"exclusiveMinimum\": 0}"), "0"));
        assertMessage(4000020, "must be <= 10 but found 11", Map.of("maximum", 10L, "actual", 11L),
                only(withTrait("{\"type\": \"integer\", \"maximum\": 10}"), "11"));
        assertMessage(4000021, "must be < 10 but found 10", Map.of("maximum", 10L, "actual", 10L),
                only(withTrait("{\"type\": \"integer\", \"exclusiveMaximum\": 10}"), "10"));
    }

    @Test
    void multipleOfThen4000022() {
        assertMessage(4000022, "7 not multipleOf 3", Map.of("base", 3L, "actual", 7L),
                only(withTrait("{\"type\": \"integer\", \"multipleOf\": 3}"), "7"));
    }

    @Test
    void itemsCountAndUniquenessThen4000023To4000025() {
        assertMessage(4000023, "maximum 1 items allowed, but found 2 items", Map.of("max_items", 1, "actual_items", 2),
                only(withTrait("{\"type\": \"array\", \"maxItems\": 1}"), "[1, 2]"));
        assertMessage(4000024, "minimum 2 items allowed, but found 1 items", Map.of("min_items", 2, "actual_items", 1),
                only(withTrait("{\"type\": \"array\", \"minItems\": 2}"), "[1]"));
        assertMessage(4000025, "items at index 1 and 2 are equal", Map.of("index_a", 1, "index_b", 2),
                only(withTrait("{\"type\": \"array\", \"uniqueItems\": true}"), "[\"a\", \"b\", \"b\"]"));
    }

    @Test
    void typeWithSeveralAllowedThen4000026ListingThem() {
        assertMessage(4000026, "expected string or null, but got boolean",
                Map.of("allowed_types", List.of("string", "null"), "actual_type", "boolean"),
                only(withTrait("{\"type\": [\"string\", \"null\"]}"), "true"));
    }

    @Test
    void constThen4000029() {
        assertMessage(4000029, "must be equal to constant \"yes\"", Map.of("expected", "\"yes\""),
                only(withTrait("{\"const\": \"yes\"}"), "\"no\""));
    }

    @Test
    void enumThenGenericListingTheValues() {
        String reason = "value must be one of \"a\", \"b\"";
        assertMessage(4000001, reason, Map.of("reason", reason), only(withTrait("{\"enum\": [\"a\", \"b\"]}"), "\"c\""));
    }

    @Test
    void keywordWithoutKratosMessageThenGenericWithValidatorText() {
        TraitError error = only(withTrait("{\"type\": \"object\", \"maxProperties\": 1}"), "{\"a\": 1, \"b\": 2}");

        assertEquals(4000001, error.id());
        assertEquals("must have at most 1 properties", error.text());
        assertEquals(Map.of("reason", error.text()), error.context());
    }

    @Test
    void formatValueWithQuotesThenQuotedLikeGo() {
        assertEquals("\"a\\\"b\\n\" is not valid \"email\"", TraitMessages.quote("a\"b\n") + " is not valid \"email\"");
    }
}
