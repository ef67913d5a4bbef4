package dev.gatehouse.audit.search;

import dev.gatehouse.kernel.JsonP;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;

import java.io.StringWriter;
import java.util.Map;

/**
 * A saved search as a jsonnet file of {@code gatehouse.audit.searches-dir}: {@code {tenant, searches: [search]}}
 * in the compact form, indented (JSON is jsonnet, so the file loads as it is and can be edited into a template,
 * e.g. with {@code std.extVar('environment')}).
 */
public final class JsonnetExport {

    private JsonnetExport() {
    }

    public static String of(String tenant, SavedSearch search) {
        JsonObject doc = JsonP.createObjectBuilder().add("tenant", tenant)
                .add("searches", JsonP.createArrayBuilder().add(search.toJson())).build();
        StringWriter out = new StringWriter();
        try (JsonWriter w = JsonP.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            w.writeObject(doc);
        }
        return "// Saved audit search " + search.name() + ", exported from Gatehouse; put it in"
                + " gatehouse.audit.searches-dir to load it from there.\n" + out.toString().strip() + "\n";
    }
}
