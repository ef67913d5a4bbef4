package dev.gatehouse.identity.api;

import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityDrafts;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.problem.ProblemFactory;
import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.net.URI;

/**
 * Kratos' batch import ({@code PATCH /admin/identities}): each item is created in its own transaction and
 * gets its own result, so a bad item is reported and leaves nothing behind while the others are created.
 */
@ApplicationScoped
public class IdentityBatch {

    /** Kratos' limit for one batch. */
    static final int MAX_ITEMS = 1000;

    @Inject
    IdentityService identities;

    public JsonObject apply(TenantId tenant, JsonObject body, String actor, URI baseUri) {
        JsonValue items = body.get("identities");
        if (items == null || items.getValueType() != JsonValue.ValueType.ARRAY) {
            throw ApiException.invalid("identities", "must be an array of {create, patch_id} items");
        }
        JsonArray array = items.asJsonArray();
        if (array.size() > MAX_ITEMS) {
            throw ApiException.invalid("identities", "at most " + MAX_ITEMS + " items per batch");
        }
        JsonArrayBuilder results = JsonP.createArrayBuilder();
        for (int n = 0; n < array.size(); n++) {
            results.add(item(tenant, array.get(n), n, actor));
        }
        return JsonP.createObjectBuilder().add("identities", results).build();
    }

    private JsonObject item(TenantId tenant, JsonValue value, int index, String actor) {
        JsonObjectBuilder result = JsonP.createObjectBuilder();
        try {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ApiException.invalid("identities/" + index, "must be an object");
            }
            JsonObject item = value.asJsonObject();
            if (item.get("patch_id") instanceof jakarta.json.JsonString patchId) {
                result.add("patch_id", patchId.getString());
            }
            JsonValue create = item.get("create");
            if (create == null || create.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ApiException.invalid("identities/" + index + "/create", "must be an identity to create");
            }
            Identity created = identities.create(tenant, IdentityDrafts.parse(create.asJsonObject()), actor);
            return result.add("action", "create").add("identity", created.id().toString()).build();
        } catch (ApiException e) {
            return result.add("action", "error").add("error", ProblemFactory.problem(e, null, null)).build();
        }
    }
}
