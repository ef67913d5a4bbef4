package dev.gatehouse.identity.schema;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the validator's findings into Ory Kratos' validation messages: the ids of Kratos' {@code text/id.go}
 * and the English texts and context keys of {@code text/message_validation.go}, chosen by keyword as
 * Kratos' {@code ui/container} does. A keyword Kratos has no message for is the generic 4000001 with the
 * validator's own words.
 */
final class TraitMessages {

    static final long GENERIC = 4000001;
    static final long REQUIRED = 4000002;
    static final long MIN_LENGTH = 4000003;
    static final long INVALID_FORMAT = 4000004;
    static final long MAX_LENGTH = 4000017;
    static final long MINIMUM = 4000018;
    static final long EXCLUSIVE_MINIMUM = 4000019;
    static final long MAXIMUM = 4000020;
    static final long EXCLUSIVE_MAXIMUM = 4000021;
    static final long MULTIPLE_OF = 4000022;
    static final long MAX_ITEMS = 4000023;
    static final long MIN_ITEMS = 4000024;
    static final long UNIQUE_ITEMS = 4000025;
    static final long WRONG_TYPE = 4000026;
    static final long CONST = 4000029;

    private TraitMessages() {
    }

    static TraitError of(Error e) {
        String path = dotted(e.getInstanceLocation());
        JsonNode value = e.getInstanceNode();
        JsonNode rule = e.getSchemaNode();
        try {
            return switch (e.getKeyword()) {
                case "required" -> required(path, e.getProperty());
                case "minLength" -> length(path, MIN_LENGTH, "length must be >= %d, but got %d", "min_length", rule, value);
                case "maxLength" -> length(path, MAX_LENGTH, "length must be <= %d, but got %d", "max_length", rule, value);
                case "pattern" -> message(path, INVALID_FORMAT, "does not match pattern " + quote(rule.stringValue()),
                        "pattern", rule.stringValue());
                case "format" -> message(path, INVALID_FORMAT,
                        quote(value.asString()) + " is not valid " + quote(rule.stringValue()),
                        "expected_format", rule.stringValue(), "actual_value", value.asString());
                case "minimum" -> bound(path, MINIMUM, ">=", "minimum", rule, value);
                case "exclusiveMinimum" -> bound(path, EXCLUSIVE_MINIMUM, ">", "minimum", rule, value);
                case "maximum" -> bound(path, MAXIMUM, "<=", "maximum", rule, value);
                case "exclusiveMaximum" -> bound(path, EXCLUSIVE_MAXIMUM, "<", "maximum", rule, value);
                case "multipleOf" -> message(path, MULTIPLE_OF, show(value) + " not multipleOf " + show(rule),
                        "base", number(rule), "actual", number(value));
                case "maxItems" -> message(path, MAX_ITEMS, String.format("maximum %d items allowed, but found %d items",
                        rule.intValue(), value.size()), "max_items", rule.intValue(), "actual_items", value.size());
                case "minItems" -> message(path, MIN_ITEMS, String.format("minimum %d items allowed, but found %d items",
                        rule.intValue(), value.size()), "min_items", rule.intValue(), "actual_items", value.size());
                case "uniqueItems" -> uniqueItems(path, value);
                case "type" -> wrongType(path, rule, value);
                case "const" -> message(path, CONST, "must be equal to constant " + rule, "expected", rule.toString());
                case "additionalProperties" -> generic(path, "additionalProperties " + quote(e.getProperty()) + " not allowed");
                case "enum" -> generic(path, "value must be one of " + String.join(", ", elements(rule)));
                default -> generic(path, e.getMessage());
            };
        } catch (RuntimeException unexpectedShape) {
            // a keyword whose value is not what its message expects (say, a draft-04 boolean exclusiveMinimum)
            return generic(path, e.getMessage());
        }
    }

    static TraitError generic(String path, String reason) {
        return message(path, GENERIC, reason, "reason", reason);
    }

    private static TraitError required(String objectPath, String property) {
        String path = objectPath.isEmpty() ? property : objectPath + "." + property;
        return message(path, REQUIRED, "Property " + property + " is missing.", "property", property);
    }

    private static TraitError length(String path, long id, String text, String limitName, JsonNode rule, JsonNode value) {
        int limit = rule.intValue();
        String s = value.stringValue();
        int actual = s.codePointCount(0, s.length());
        return message(path, id, String.format(text, limit, actual), limitName, limit, "actual_length", actual);
    }

    private static TraitError bound(String path, long id, String operator, String limitName, JsonNode rule, JsonNode value) {
        return message(path, id, "must be " + operator + " " + show(rule) + " but found " + show(value),
                limitName, number(rule), "actual", number(value));
    }

    private static TraitError uniqueItems(String path, JsonNode array) {
        for (int a = 0; a < array.size(); a++) {
            for (int b = a + 1; b < array.size(); b++) {
                if (array.get(a).equals(array.get(b))) {
                    return message(path, UNIQUE_ITEMS, "items at index " + a + " and " + b + " are equal",
                            "index_a", a, "index_b", b);
                }
            }
        }
        return generic(path, "items must be unique");
    }

    private static TraitError wrongType(String path, JsonNode rule, JsonNode value) {
        List<String> allowed = rule.isArray() ? elementsText(rule) : List.of(rule.stringValue());
        String actual = switch (value.getNodeType()) {
            case NULL, MISSING -> "null";
            case BOOLEAN -> "boolean";
            case NUMBER -> "number";
            case STRING -> "string";
            case ARRAY -> "array";
            default -> "object";
        };
        return message(path, WRONG_TYPE, "expected " + String.join(" or ", allowed) + ", but got " + actual,
                "allowed_types", allowed, "actual_type", actual);
    }

    private static TraitError message(String path, long id, String text, Object... context) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < context.length; i += 2) {
            values.put((String) context[i], context[i + 1]);
        }
        return new TraitError(path, id, text, values);
    }

    /** Kratos' node name: the instance location's segments joined with dots ({@code traits.name.first}). */
    private static String dotted(NodePath location) {
        List<String> names = new ArrayList<>();
        for (int i = 0; location != null && i < location.getNameCount(); i++) {
            names.add(String.valueOf(location.getElement(i)));
        }
        return String.join(".", names);
    }

    private static List<String> elements(JsonNode array) {
        List<String> shown = new ArrayList<>();
        array.forEach(item -> shown.add(item.toString()));
        return shown;
    }

    private static List<String> elementsText(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asString()));
        return texts;
    }

    /** A number as Go's {@code %v} prints a float64: no trailing zeros, no exponent for ordinary sizes. */
    private static String show(JsonNode number) {
        return number.decimalValue().stripTrailingZeros().toPlainString();
    }

    private static Number number(JsonNode node) {
        BigDecimal exact = node.decimalValue().stripTrailingZeros();
        return exact.scale() <= 0 && exact.precision() - exact.scale() <= 18 ? exact.longValueExact() : exact;
    }

    /** Go's {@code %q}: double-quoted, with quotes, backslashes and control characters escaped. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\x%02x", c));
                    } else {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.append('"').toString();
    }
}
