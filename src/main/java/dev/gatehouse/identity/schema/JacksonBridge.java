package dev.gatehouse.identity.schema;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The boundary between the application's JSON (JSON-P) and the JSON Schema validator's (Jackson): a tree
 * copy, so that no text is parsed twice and numbers keep their exact value.
 */
final class JacksonBridge {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private JacksonBridge() {
    }

    static JsonNode toJackson(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> object((JsonObject) value);
            case ARRAY -> array((JsonArray) value);
            case STRING -> NODES.stringNode(((JsonString) value).getString());
            case NUMBER -> number((JsonNumber) value);
            case TRUE -> NODES.booleanNode(true);
            case FALSE -> NODES.booleanNode(false);
            case NULL -> NODES.nullNode();
        };
    }

    /** {@code {"<name>": value}}: how traits are validated against the whole identity schema. */
    static JsonNode wrap(String name, JsonValue value) {
        ObjectNode wrapper = NODES.objectNode();
        wrapper.set(name, toJackson(value));
        return wrapper;
    }

    private static ObjectNode object(JsonObject object) {
        ObjectNode node = NODES.objectNode();
        object.forEach((name, member) -> node.set(name, toJackson(member)));
        return node;
    }

    private static ArrayNode array(JsonArray array) {
        ArrayNode node = NODES.arrayNode(array.size());
        array.forEach(item -> node.add(toJackson(item)));
        return node;
    }

    private static JsonNode number(JsonNumber number) {
        BigDecimal exact = number.bigDecimalValue();
        if (number.isIntegral()) {
            BigInteger whole = exact.toBigIntegerExact();
            return whole.compareTo(LONG_MIN) >= 0 && whole.compareTo(LONG_MAX) <= 0
                    ? NODES.numberNode(whole.longValue())
                    : NODES.numberNode(whole);
        }
        return NODES.numberNode(exact);
    }
}
