package dev.gatehouse.kernel.json;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.problem.ApiException;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.Set;

/**
 * RFC 6902 JSON Patch for the admin APIs: applies a patch to a resource's JSON view, letting it touch only the
 * named top-level members. Every failure is a validation error safe to show.
 */
public final class JsonPatches {

    private JsonPatches() {
    }

    /**
     * @param operations the patch document
     * @param document   the resource's current JSON view
     * @param patchable  the top-level members an operation's {@code path} may start with
     * @param what       the resource's name for messages ("identity", "client")
     */
    public static JsonObject apply(JsonArray operations, JsonObject document, Set<String> patchable, String what) {
        for (JsonValue op : operations) {
            if (op.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ApiException.malformed("Each JSON Patch operation must be an object");
            }
            String path = op.asJsonObject().getString("path", "");
            String top = path.startsWith("/") ? path.substring(1).split("/", 2)[0] : "";
            if (!patchable.contains(top)) {
                throw ApiException.invalid("path", "only " + patchable + " can be patched, not " + path);
            }
        }
        try {
            return JsonP.createPatch(operations).apply(document);
        } catch (JsonException | ClassCastException e) {
            throw ApiException.invalid("patch", "the patch cannot be applied to this " + what);
        }
    }
}
