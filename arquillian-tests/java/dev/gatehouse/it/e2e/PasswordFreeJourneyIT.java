package dev.gatehouse.it.e2e;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.Mailbox;
import dev.gatehouse.it.support.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Password-free use of the pages in headless Chromium, with the mail read from a real SMTP server (GreenMail):
 * sign up with an e-mail address only (code method), sign in by the magic link in the sign-in mail, recover
 * access with the recovery mail, set a password in settings and sign in with it; an admin's recovery
 * links opened in the browser; and a tenant whose sign-in is password-free (identifier first, then the code; its
 * recovery link speaks of the account, its settings offer no password; with passkeys on, a passkey signs in from
 * the first form).
 */
class PasswordFreeJourneyIT extends BrowserTest {

    @RegisterExtension
    Mailbox mail = new Mailbox();

    @Test
    void userWhenSignsUpByCodeSignsInByLinkAndRecoversThenSetsAPasswordThatSignsIn() {
        String email = "nopass-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
        String password = "a password set after recovery " + UUID.randomUUID().toString().substring(0, 6);

        // 1. sign up with the code form: only the address and a name, no password
        pages.open("/self-service/registration/browser");
        pages.awaitPath("/ui/selfservice/registration.xhtml");
        WebElement codeMethod = driver.findElement(By.cssSelector("[data-group='code']"));
        pages.type("node-traits-email", email);
        pages.type("node-traits-name-first", "Grace");
        codeMethod.findElement(By.id("node-method-code")).click();
        pages.await(By.cssSelector("#flow-messages [data-id='1040005']"));

        // 2. the code from the mail finishes the sign-up: signed in
        String signUpMail = mail.awaitText(email);
        pages.type("node-code", Mailbox.code(signUpMail, email));
        driver.findElement(By.id("node-method-code")).click();
        pages.assertSignedInAs(email);
        pages.signOut();

        // 3. sign in by the magic link of the sign-in mail, in this browser
        pages.open("/self-service/login/browser");
        pages.awaitPath("/ui/selfservice/login.xhtml");
        pages.type("node-identifier", email);
        driver.findElement(By.cssSelector("[data-group='code'] #node-method-code")).click();
        pages.await(By.cssSelector("#flow-messages [data-id='1010014']"));
        String loginFlow = pages.flowId();
        String link = Mailbox.link(mail.awaitMailContaining(email, "flow=" + loginFlow), "/self-service/login/code-link");
        driver.get(link);
        pages.assertSignedInAs(email);
        pages.signOut();

        // 4. recover access: the recovery page mails a code, which leads into settings with a fresh session
        pages.open("/self-service/login/browser");
        pages.click(By.id("to-recovery"));
        pages.awaitPath("/ui/selfservice/recovery.xhtml");
        String recoveryFlow = pages.flowId();
        pages.type("node-email", email);
        driver.findElement(By.id("node-method-code")).click();
        pages.await(By.cssSelector("#flow-messages [data-id='1060003']"));
        String recoveryMail = mail.awaitMailContaining(email, "to recover access");
        pages.type("node-code", Mailbox.code(recoveryMail, email));
        driver.findElement(By.id("node-method-code")).click();
        pages.awaitPath("/ui/selfservice/settings.xhtml");
        assertNotNull(driver.manage().getCookieNamed(Pages.SESSION_COOKIE), "recovery signed this browser in");
        assertTrue(recoveryFlow.matches("[0-9a-f-]{36}"));

        // 5. set a password in settings, sign out, sign in with it
        WebElement passwordForm = driver.findElement(By.cssSelector("[data-group='password']"));
        passwordForm.findElement(By.name("password")).sendKeys(password);
        passwordForm.findElement(By.cssSelector("button[type='submit']")).click();
        pages.await(By.cssSelector("[data-id='1050001']"));
        pages.open("/ui/selfservice/welcome.xhtml");
        pages.signOut();
        pages.open("/self-service/login/browser");
        pages.awaitPath("/ui/selfservice/login.xhtml");
        pages.type("node-identifier", email);
        pages.type("node-password", password);
        driver.findElement(By.id("node-method-password")).click();
        pages.assertSignedInAs(email);
    }

    @Test
    void adminRecoveryLinksWhenOpenedInTheBrowserThenSettingsPageAndTheCodePage() {
        String email = "adminlink-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
        Http.Response registered = Http.post("/admin/identities").admin()
                .json("{\"traits\":{\"email\":\"" + email + "\",\"name\":{\"first\":\"Ada\"}}}").send();
        assertEquals(201, registered.status(), registered.toString());
        String identity = registered.jsonObject().getString("id");

        String link = Http.post("/admin/recovery/link").admin().json("{\"identity_id\":\"" + identity + "\"}").send()
                .jsonObject().getString("recovery_link");
        driver.get(link);
        pages.awaitPath("/ui/selfservice/settings.xhtml");
        assertNotNull(driver.manage().getCookieNamed(Pages.SESSION_COOKIE));
        pages.open("/ui/selfservice/welcome.xhtml");
        pages.signOut();

        var code = Http.post("/admin/recovery/code").admin().json("{\"identity_id\":\"" + identity + "\"}").send().jsonObject();
        driver.get(code.getString("recovery_link"));
        pages.awaitPath("/ui/selfservice/recovery.xhtml");
        pages.type("node-code", code.getString("recovery_code"));
        driver.findElement(By.id("node-method-code")).click();
        pages.awaitPath("/ui/selfservice/settings.xhtml");
        assertNotNull(driver.manage().getCookieNamed(Pages.SESSION_COOKIE));
    }

    @Test
    void passwordFreeTenantWhenSigningUpAndInThenNoPasswordInputOnAnyPageAndTheCodeSignsIn() {
        String tenant = TestTenants.create("nopass-pages");
        assertEquals(200, Http.method("PATCH", "/admin/tenants/" + tenant + "/settings").admin()
                .json("{\"selfservice.login.password-free\": true}").send().status());
        String prefix = "/t/" + tenant;
        String email = "idfirst-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";

        // sign up: the traits and the code method, no password input
        pages.open(prefix + "/self-service/registration/browser");
        pages.awaitPath(prefix + "/ui/selfservice/registration.xhtml");
        assertEquals(0, driver.findElements(By.cssSelector("input[type='password'], [name='password']")).size());
        pages.type("node-traits-email", email);
        pages.type("node-traits-name-first", "Hedy");
        driver.findElement(By.id("node-method-code")).click();
        pages.await(By.cssSelector("#flow-messages [data-id='1040005']"));
        pages.type("node-code", Mailbox.code(mail.awaitText(email), email));
        driver.findElement(By.id("node-method-code")).click();
        pages.awaitPath(prefix + "/ui/selfservice/welcome.xhtml");
        pages.click(By.id("logout"));
        pages.await(By.id("signed-out"));

        // sign in, step 1: only the identifier and "Continue"
        pages.open(prefix + "/self-service/login/browser");
        pages.awaitPath(prefix + "/ui/selfservice/login.xhtml");
        assertEquals(0, driver.findElements(By.cssSelector("input[type='password'], [name='password']")).size());
        assertEquals("E-Mail", driver.findElement(By.cssSelector("label[for='node-identifier']")).getText());
        assertEquals("Continue", driver.findElement(By.id("node-method-identifier_first")).getText());
        assertEquals(0, driver.findElements(By.id("node-method-code")).size(), "the methods come once the identifier is known");
        assertEquals("Trouble signing in? Recover your account", driver.findElement(By.id("to-recovery")).getText(),
                "no password to forget: the link reads as account recovery");
        pages.type("node-identifier", email);
        driver.findElement(By.id("node-method-identifier_first")).click();

        // step 2: the identifier kept (hidden) and the code method, still no password
        WebElement sendCode = pages.await(By.id("node-method-code"));
        assertEquals(0, driver.findElements(By.cssSelector("input[type='password'], [name='password']")).size());
        assertEquals(email, driver.findElement(By.cssSelector("#flow-form input[type='hidden'][name='identifier']")).getDomProperty("value"));
        sendCode.click();
        pages.await(By.cssSelector("#flow-messages [data-id='1010014']"));
        String signInMail = mail.awaitMailContaining(email, "flow=" + pages.flowId());
        pages.type("node-code", Mailbox.code(signInMail, email));
        driver.findElement(By.id("node-method-code")).click();
        pages.awaitPath(prefix + "/ui/selfservice/welcome.xhtml");
        assertTrue(pages.await(By.id("signed-in-as")).getText().contains(email));

        // settings: the profile, but no password to set
        pages.click(By.id("to-settings"));
        pages.awaitPath(prefix + "/ui/selfservice/settings.xhtml");
        assertTrue(driver.findElements(By.id("flow-form-password")).isEmpty(), "no password form");
        assertEquals(0, driver.findElements(By.cssSelector("input[type='password'], [name='password']")).size());
    }

    @Test
    void passwordFreeTenantWithPasskeysWhenSignInPageOpensThenThePasskeySignsInBeforeAnyIdentifierIsTyped() {
        Pages tenant = pages.within("/t/" + TestTenants.create("nopass-passkey",
                "{\"selfservice.login.password-free\": true, \"webauthn.passkey.enabled\": true}"));
        String email = "idfirst-passkey-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        pages.addPlatformAuthenticator();
        tenant.signUpWithPasskey(email);
        tenant.awaitPath("/ui/selfservice/welcome.xhtml");
        tenant.click(By.id("logout"));
        tenant.await(By.id("signed-out"));

        // the first form carries the passkey request beside the identifier: the browser's passkey answers it
        // (conditional mediation, as a person picking it would) and signs in, no identifier typed, no second form
        tenant.open("/self-service/login/browser");
        tenant.awaitPath("/ui/selfservice/welcome.xhtml");
        assertTrue(tenant.await(By.id("signed-in-as")).getText().contains(email));
    }
}
