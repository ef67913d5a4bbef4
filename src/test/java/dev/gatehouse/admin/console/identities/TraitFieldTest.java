package dev.gatehouse.admin.console.identities;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraitFieldTest {

    private static final JsonObject SCHEMA = Json.createReader(new StringReader("""
            {"properties": {"traits": {"type": "object", "required": ["email"], "properties": {
              "email": {"type": "string", "format": "email", "title": "E-Mail"},
              "phone": {"type": "string", "format": "tel"},
              "name": {"type": "object", "properties": {"first": {"type": "string"}, "last": {"type": "string"}}},
              "age": {"type": "integer"},
              "newsletter": {"type": "boolean"},
              "tags": {"type": "array", "items": {"type": "string"}}}}}}""")).readObject();

    @Test
    void fieldsWhenSchemaHasNestedAndTypedTraitsThenOneTypedFieldPerLeaf() {
        List<TraitField> fields = TraitField.of(SCHEMA, Json.createObjectBuilder().add("email", "a@example.test")
                .add("age", 41).add("newsletter", true).build());
        assertEquals(List.of("email", "phone", "name.first", "name.last", "age", "newsletter"), fields.stream().map(TraitField::getPath).toList());
        assertEquals(List.of("email", "tel", "text", "text", "number", "checkbox"), fields.stream().map(TraitField::getInputType).toList());
        assertEquals("E-Mail", fields.get(0).getLabel());
        assertTrue(fields.get(0).isRequired());
        assertEquals("41", fields.get(4).getText());
        assertTrue(fields.get(5).isChecked());
    }

    @Test
    void traitsWhenFieldsEditedThenTypedValuesAndUnshownTraitsKept() {
        JsonObject current = Json.createObjectBuilder().add("email", "a@example.test").add("name", Json.createObjectBuilder().add("first", "Ann"))
                .add("tags", Json.createArrayBuilder().add("x")).build();
        List<TraitField> fields = TraitField.of(SCHEMA, current);
        fields.get(0).setText("b@example.test");
        fields.get(2).setText("");
        fields.get(3).setText("Lee");
        fields.get(4).setText("42");
        JsonObject traits = TraitField.traits(fields, current);
        assertEquals("b@example.test", traits.getString("email"));
        assertEquals(Json.createObjectBuilder().add("last", "Lee").build(), traits.getJsonObject("name"));
        assertEquals(42, traits.getJsonNumber("age").intValue());
        assertEquals(false, traits.getBoolean("newsletter"));
        assertEquals("x", traits.getJsonArray("tags").getString(0));
        assertTrue(!traits.containsKey("phone"));
    }

    @Test
    void traitsWhenNumberFieldHoldsTextThenTextForTheSchemaToRefuse() {
        List<TraitField> fields = TraitField.of(SCHEMA, Json.createObjectBuilder().add("email", "a@example.test").build());
        fields.get(4).setText("forty");
        assertEquals("forty", TraitField.traits(fields, Json.createObjectBuilder().build()).getString("age"));
    }
}
