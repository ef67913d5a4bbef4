package dev.gatehouse.it.identity;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.gatehouse.it.identity.TestIdentities.body;
import static dev.gatehouse.it.identity.TestIdentities.create;
import static dev.gatehouse.it.identity.TestIdentities.password;
import static dev.gatehouse.it.identity.TestIdentities.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** An identity of tenant acme is invisible to the default tenant, and identifiers are unique per tenant. */
@ExtendWith(ItServerReady.class)
class IdentityTenantIsolationIT {

    @Test
    void identityWhenCreatedInAcmeThenNotVisibleNorChangeableFromDefault() {
        String email = uniqueEmail();
        String id = create("/t/acme", body(email, password("correct horse battery staple"))).jsonObject().getString("id");

        assertEquals(200, Http.get("/t/acme/admin/identities/" + id).admin().send().status());
        assertEquals(404, Http.get("/admin/identities/" + id).admin().send().status());
        assertEquals(0, Http.get("/admin/identities?credentials_identifier=" + email).admin().send().json().asJsonArray().size());
        assertEquals(false, Http.get("/admin/identities?page_size=1000").admin().send().body().contains(id));
        assertEquals(404, Http.method("PUT", "/admin/identities/" + id).admin().json(body(email, null)).send().status());
        assertEquals(404, Http.method("DELETE", "/admin/identities/" + id).admin().send().status());
        assertEquals(200, Http.get("/t/acme/admin/identities/" + id).admin().send().status(), "still there");
    }

    @Test
    void identifierWhenUsedInAcmeThenStillFreeInDefault() {
        String email = uniqueEmail();

        assertEquals(201, create("/t/acme", body(email, null)).status());
        assertEquals(201, create("", body(email, null)).status());
    }
}
