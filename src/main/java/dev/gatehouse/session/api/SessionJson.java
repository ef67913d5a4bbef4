package dev.gatehouse.session.api;

import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.api.IdentityJson;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.session.Session;
import dev.gatehouse.session.SessionAdminService;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.net.URI;

/** The wire shape of a session, as Kratos' {@code /sessions/whoami} returns it. */
public final class SessionJson {

    private SessionJson() {
    }

    public static JsonObject of(Session s, Identity identity, URI baseUri) {
        JsonObjectBuilder b = base(s);
        if (identity != null) {
            b.add("identity", IdentityJson.publicView(identity, baseUri));
        }
        return b.build();
    }

    /** A session as the admin API lists it: with its identity, if that still exists. */
    public static JsonObject of(SessionAdminService.Expanded e, URI baseUri) {
        return of(e.session(), e.identity().orElse(null), baseUri);
    }

    public static JsonObject withoutIdentity(Session s) {
        return base(s).build();
    }

    private static JsonObjectBuilder base(Session s) {
        JsonArrayBuilder methods = JsonP.createArrayBuilder();
        s.methods().forEach(m -> {
            JsonObjectBuilder entry = JsonP.createObjectBuilder().add("method", m.method()).add("aal", m.aal())
                    .add("completed_at", m.completedAt().toString());
            m.via().ifPresent(v -> entry.add("via", v));
            methods.add(entry);
        });
        JsonObjectBuilder device = JsonP.createObjectBuilder().add("id", s.id().toString());
        device.add("ip_address", s.ipAddress() == null ? "" : s.ipAddress());
        device.add("user_agent", s.userAgent() == null ? "" : s.userAgent());
        device.add("location", "");
        return JsonP.createObjectBuilder()
                .add("id", s.id().toString())
                .add("active", s.active())
                .add("expires_at", s.expiresAt().toString())
                .add("authenticated_at", s.authenticatedAt().toString())
                .add("authenticator_assurance_level", s.aal())
                .add("authentication_methods", methods)
                .add("issued_at", s.issuedAt().toString())
                .add("devices", JsonP.createArrayBuilder().add(device));
    }
}
