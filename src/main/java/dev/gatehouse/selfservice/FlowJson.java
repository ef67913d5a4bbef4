package dev.gatehouse.selfservice;

import dev.gatehouse.kernel.JsonP;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/** The wire shape of a flow, as Kratos returns it. */
public final class FlowJson {

    private FlowJson() {
    }

    public static JsonObject of(Flow f, JsonValue identity) {
        JsonObjectBuilder b = JsonP.createObjectBuilder()
                .add("id", f.id().toString())
                .add("type", f.flavor().wire())
                .add("expires_at", f.expiresAt().toString())
                .add("issued_at", f.issuedAt().toString())
                .add("request_url", f.requestUrl())
                .add("state", f.state().wire())
                .add("ui", f.ui().toJson())
                .add("created_at", f.issuedAt().toString())
                .add("updated_at", f.issuedAt().toString());
        if (f.returnTo() != null) {
            b.add("return_to", f.returnTo());
        }
        if (f.kind() == FlowKind.LOGIN) {
            b.add("refresh", f.refresh()).add("requested_aal", f.requestedAal());
        }
        if (identity != null) {
            b.add("identity", identity);
        }
        return b.build();
    }
}
