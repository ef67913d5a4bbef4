package dev.gatehouse.admin.console.rules;

import dev.gatehouse.kernel.JsonP;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;

import java.io.StringWriter;
import java.util.Map;

/** A rule as the console shows and edits it: Oathkeeper's JSON, indented, one member a line (so diffs read well). */
final class RuleText {

    private static final JsonWriterFactory PRETTY = JsonP.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private RuleText() {
    }

    static String of(JsonObject rule) {
        if (rule == null) {
            return "";
        }
        StringWriter out = new StringWriter();
        try (JsonWriter w = PRETTY.createWriter(out)) {
            w.writeObject(rule);
        }
        return out.toString().strip();
    }
}
