package dev.gatehouse.tenant.api;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.tenant.Tenant;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/** The wire shape of a tenant. */
final class TenantJson {

    private TenantJson() {
    }

    static JsonObject of(Tenant t) {
        JsonArrayBuilder hosts = JsonP.createArrayBuilder();
        t.hosts().forEach(hosts::add);
        return JsonP.createObjectBuilder()
                .add("id", t.id().value())
                .add("display_name", t.displayName())
                .add("hosts", hosts)
                .add("created_at", t.createdAt().toString())
                .build();
    }
}
