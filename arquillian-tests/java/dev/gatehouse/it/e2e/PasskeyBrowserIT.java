package dev.gatehouse.it.e2e;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.TestTenants;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Passkeys in headless Chromium with its virtual authenticator (CTAP2, built in, resident keys, verifying the
 * person): sign up on the registration page with an e-mail address and a passkey only, sign out, and sign back in on
 * the sign-in page with the passkey; the page's script makes the WebAuthn calls (no inline script: the CSP allows
 * scripts of this server only). The tenant has passkeys on; they are off by default.
 */
class PasskeyBrowserIT extends BrowserTest {

    private static String tenantWithPasskeys() {
        String id = TestTenants.create("passkey-browser", "{\"webauthn.passkey.enabled\": true}");
        return "/t/" + id;
    }

    /** The session the browser holds, as whoami tells it. */
    private JsonObject session(String prefix) {
        Cookie cookie = pages.until(d -> d.manage().getCookieNamed(Pages.SESSION_COOKIE));
        Http.Response r = Http.get(prefix + "/sessions/whoami").header("Cookie", Pages.SESSION_COOKIE + "=" + cookie.getValue()).send();
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject();
    }

    @Test
    void userWhenSignsUpWithAPasskeyOnlyThenSignsOutAndBackInWithIt() {
        String prefix = tenantWithPasskeys();
        String email = "passkey-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
        VirtualAuthenticator authenticator = pages.addPlatformAuthenticator();

        // 1. sign up: the address, then the passkey the browser makes for it
        pages.within(prefix).signUpWithPasskey(email);
        JsonObject signedUp = session(prefix);
        assertEquals(email, signedUp.getJsonObject("identity").getJsonObject("traits").getString("email"));
        assertEquals(List.of("passkey"), signedUp.getJsonArray("authentication_methods").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("method")).toList());
        assertEquals(1, authenticator.getCredentials().size());
        assertEquals(true, authenticator.getCredentials().get(0).isResidentCredential());

        // 2. sign out
        pages.open(prefix + "/ui/selfservice/welcome.xhtml");
        pages.click(By.id("logout"));
        pages.await(By.id("signed-out"));
        assertNull(driver.manage().getCookieNamed(Pages.SESSION_COOKIE), "session cookie removed");

        // 3. sign in with the passkey, no user name and no password: the sign-in page asks the browser for a passkey
        //    with conditional mediation (the identifier field is "username webauthn"); Chromium's virtual
        //    authenticator answers such a request at once with the one passkey it holds, as a person picking it would
        pages.open(prefix + "/self-service/login/browser");
        pages.awaitPath(prefix + "/ui/selfservice/welcome.xhtml");
        assertTrue(pages.await(By.id("signed-in-as")).getText().contains(email));
        JsonObject signedIn = session(prefix);
        assertEquals(signedUp.getJsonObject("identity").getString("id"), signedIn.getJsonObject("identity").getString("id"));
        assertNotEquals(signedUp.getString("id"), signedIn.getString("id"), "a new session, not the one signed out");
        assertEquals("aal1", signedIn.getString("authenticator_assurance_level"));
        assertEquals(List.of("passkey"), signedIn.getJsonArray("authentication_methods").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("method")).toList());
    }

    @Test
    void userWhenAddsASecurityKeyInSettingsThenAPasswordSignInAsksForIt() {
        String email = "key-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
        String password = "security key journey " + UUID.randomUUID().toString().substring(0, 6);
        ((HasVirtualAuthenticator) driver).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.USB)
                .setHasResidentKey(false)
                .setHasUserVerification(false));

        // 1. sign up with a password, then add a named security key in settings
        pages.open("/self-service/registration/browser");
        pages.awaitPath("/ui/selfservice/registration.xhtml");
        pages.type("node-traits-email", email);
        pages.type("node-password", password);
        driver.findElement(By.id("node-method-password")).click();
        pages.assertSignedInAs(email);
        pages.click(By.id("to-settings"));
        pages.awaitPath("/ui/selfservice/settings.xhtml");
        pages.type("node-webauthn_register_displayname", "Desk key");
        pages.click(By.id("node-webauthn_register_trigger"));
        assertTrue(pages.await(By.cssSelector("[data-group='webauthn'] button[name='webauthn_remove']")).getText().contains("Desk key"));
        pages.open("/ui/selfservice/welcome.xhtml");
        pages.signOut();

        // 2. a password alone is not a sign-in any more: the browser is sent straight on to the security key
        pages.open("/self-service/login/browser");
        pages.awaitPath("/ui/selfservice/login.xhtml");
        pages.type("node-identifier", email);
        pages.type("node-password", password);
        driver.findElement(By.id("node-method-password")).click();
        pages.click(By.id("node-webauthn_login_trigger"));
        pages.assertSignedInAs(email);
        pages.open("/self-service/settings/browser");
        pages.awaitPath("/ui/selfservice/settings.xhtml");
        JsonObject raised = session("");
        assertEquals("aal2", raised.getString("authenticator_assurance_level"));
        assertEquals(List.of("password", "webauthn"), raised.getJsonArray("authentication_methods").getValuesAs(JsonObject.class)
                .stream().map(m -> m.getString("method")).toList());
    }
}
