package dev.gatehouse.it.gateway;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The servlet filter in front of Gatehouse's own demo app ({@code /demo/api}, demo mode): the app sees
 * only the gateway's {@code X-User}, never the client's, and each pattern (public, signed in, admin,
 * owner) holds with sessions from our identity service.
 */
@ExtendWith(ItServerReady.class)
class DemoGatewayIT {

    @Test
    void publicWhenClientForgesXUserThenAppSeesAnonymous() {
        Http.Response r = Http.get("/demo/api/public").header("X-User", "admin").send();

        assertEquals(200, r.status(), r.toString());
        assertEquals("anonymous", r.jsonObject().getString("x_user"));
    }

    @Test
    void signedInWhenSessionThenAppSeesIdentityAndEmail() {
        DecisionsApiIT.SignedUp me = DecisionsApiIT.SignedUp.create();

        Http.Response r = Http.get("/demo/api/me").header("Authorization", "Bearer " + me.token())
                .header("X-User-Email", "forged@example.test").send();

        assertEquals(200, r.status(), r.toString());
        assertEquals(me.id(), r.jsonObject().getString("x_user"));
        assertEquals(me.email(), r.jsonObject().getString("x_user_email"));
    }

    @Test
    void signedInWhenNoSessionThenJson401ForApisAndLoginRedirectForBrowsers() {
        assertEquals(401, Http.get("/demo/api/me").header("Accept", "application/json").send().status());
        Http.Response browser = Http.get("/demo/api/me").header("Accept", "text/html").send();
        assertEquals(302, browser.status());
        assertTrue(browser.header("Location").startsWith("/self-service/login/browser?return_to="), browser.header("Location"));
    }

    @Test
    void ownerWhenOwnIdThen200ElseForbidden() {
        DecisionsApiIT.SignedUp me = DecisionsApiIT.SignedUp.create();

        assertEquals(200, Http.get("/demo/api/accounts/" + me.id()).header("Authorization", "Bearer " + me.token()).send().status());
        assertEquals(403, Http.get("/demo/api/accounts/someone-else").header("Authorization", "Bearer " + me.token()).send().status());
    }

    @Test
    void adminWhenNotAdminThenForbidden() {
        DecisionsApiIT.SignedUp me = DecisionsApiIT.SignedUp.create();

        assertEquals(403, Http.get("/demo/api/admin").header("Authorization", "Bearer " + me.token()).send().status());
    }

    @Test
    void homePageWhenDemoOnThenListsTheGatewayDemo() {
        Http.Response home = Http.get("/").header("Accept", "text/html").send();

        assertTrue(home.body().contains("/demo/api/public"), home.body());
    }
}
