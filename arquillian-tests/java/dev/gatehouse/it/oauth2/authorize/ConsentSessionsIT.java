package dev.gatehouse.it.oauth2.authorize;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Hydra's {@code /admin/oauth2/auth/sessions/consent}: an admin-only list per subject, and revocation that must
 * name a client or say {@code all=true}.
 */
@ExtendWith(ItServerReady.class)
class ConsentSessionsIT {

    @Test
    void consentSessionsWhenSubjectHasNoneThenEmptyList() {
        Http.Response r = Http.get("/admin/oauth2/auth/sessions/consent?subject=nobody-" + UUID.randomUUID()).admin().send();
        assertEquals(200, r.status(), r.toString());
        assertEquals("[]", r.body());
    }

    @Test
    void consentSessionsWhenSubjectOrTargetMissingThenRefused() {
        assertEquals(422, Http.get("/admin/oauth2/auth/sessions/consent").admin().send().status());
        assertEquals(422, Http.method("DELETE", "/admin/oauth2/auth/sessions/consent?subject=x").admin().send().status());
        assertEquals(401, Http.get("/admin/oauth2/auth/sessions/consent?subject=x").send().status());
    }
}
