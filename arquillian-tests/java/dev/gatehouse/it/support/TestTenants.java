package dev.gatehouse.it.support;

import java.util.UUID;

/** Fixture: a fresh tenant created over the admin API ({@code POST /admin/tenants}), reached through {@code /t/{id}}. */
public final class TestTenants {

    private TestTenants() {
    }

    /** Creates a tenant with no hosts and answers its id; {@code "/t/" + id} is its path prefix. */
    public static String create(String idPrefix) {
        String id = idPrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response r = Http.post("/admin/tenants").admin()
                .json("{\"id\":\"" + id + "\",\"display_name\":\"Tenant " + id + "\",\"hosts\":[]}").send();
        if (r.status() != 201) {
            throw new IllegalStateException("tenant not created: " + r);
        }
        return id;
    }

    /** Creates a tenant as {@link #create} does and gives it these settings ({@code {"webauthn.passkey.enabled": true}}). */
    public static String create(String idPrefix, String settingsJson) {
        String id = create(idPrefix);
        Http.Response r = Http.method("PATCH", "/admin/tenants/" + id + "/settings").admin().json(settingsJson).send();
        if (r.status() != 200) {
            throw new IllegalStateException("tenant settings not stored: " + r);
        }
        return id;
    }
}
