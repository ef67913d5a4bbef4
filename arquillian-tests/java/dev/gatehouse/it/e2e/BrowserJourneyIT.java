package dev.gatehouse.it.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The self-service pages in a real browser, as a user goes through them: sign up (after trying the page
 * in Russian), sign out, sign in, change the password, and find that only the new one works — and that a
 * form whose CSRF token was tampered with is refused without signing anyone in. Asserts what the user
 * sees (pages, texts, message ids on the page) and the session cookie the browser keeps.
 */
class BrowserJourneyIT extends BrowserTest {

    private static final String SESSION_COOKIE = Pages.SESSION_COOKIE;

    @Test
    void userWhenSignsUpSignsInAndChangesPasswordThenEachPageShowsItAndOnlyTheNewPasswordWorks() {
        String email = "browser-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
        String password = "first journey passphrase " + UUID.randomUUID().toString().substring(0, 8);
        String newPassword = "second journey passphrase " + UUID.randomUUID().toString().substring(0, 8);

        // 1. the registration link of an app leads to the Faces page of a fresh flow
        pages.open("/self-service/registration/browser");
        pages.awaitPath("/ui/selfservice/registration.xhtml");
        String flow = pages.flowId();

        // 2. the page in Russian keeps the flow; back to English
        switchLanguage("ru");
        assertEquals("Пароль", labelOf("node-password"));
        assertEquals("ru", driver.findElement(By.tagName("html")).getDomAttribute("lang"));
        assertEquals(flow, pages.flowId(), "switching the language keeps the flow");
        switchLanguage("en");
        assertEquals("Password", labelOf("node-password"));
        assertEquals(flow, pages.flowId());

        // 3. sign up: signed in on the welcome page, with an HttpOnly session cookie
        pages.type("node-traits-email", email);
        pages.type("node-traits-name-first", "Ada");
        pages.type("node-traits-name-last", "Lovelace");
        pages.type("node-password", password);
        driver.findElement(By.id("node-method-password")).click();
        pages.assertSignedInAs(email);
        assertTrue(driver.findElement(By.id("signed-in-as")).getText().contains("Ada Lovelace"));
        Cookie session = driver.manage().getCookieNamed(SESSION_COOKIE);
        assertNotNull(session, "session cookie set");
        assertTrue(session.isHttpOnly(), "session cookie is HttpOnly");
        assertFalse(String.valueOf(pages.script("return document.cookie")).contains(SESSION_COOKIE), "scripts cannot read it");

        // 4. sign out
        pages.signOut();

        // 5. sign in
        signIn(email, password);
        pages.assertSignedInAs(email);

        // 6. change the password in settings
        pages.click(By.id("to-settings"));
        pages.awaitPath("/ui/selfservice/settings.xhtml");
        WebElement passwordForm = driver.findElement(By.cssSelector("[data-group='password']"));
        passwordForm.findElement(By.name("password")).sendKeys(newPassword);
        passwordForm.findElement(By.cssSelector("button[type='submit']")).click();
        WebElement saved = pages.await(By.cssSelector("[data-id='1050001']"));
        assertEquals("Your changes have been saved!", saved.getText());
        pages.awaitPath("/ui/selfservice/settings.xhtml");

        // 7. signed out, a tampered form is refused; the old password no longer works, the new one does
        pages.click(By.id("to-welcome"));
        pages.signOut();
        submitLoginWithTamperedCsrf(email, newPassword);

        signIn(email, password);
        WebElement refused = pages.await(By.cssSelector("#flow-messages [data-id='4000006']"));
        assertTrue(refused.getText().startsWith("The provided credentials are invalid"), refused.getText());
        pages.awaitPath("/ui/selfservice/login.xhtml");
        assertNull(driver.manage().getCookieNamed(SESSION_COOKIE));

        assertEquals(email, driver.findElement(By.id("node-identifier")).getDomProperty("value"), "identifier kept");
        pages.type("node-password", newPassword);
        driver.findElement(By.id("node-method-password")).click();
        pages.assertSignedInAs(email);
    }

    /** Signs in on a fresh login page with the right password but a CSRF token changed by script. */
    private void submitLoginWithTamperedCsrf(String email, String password) {
        pages.open("/self-service/login/browser");
        pages.awaitPath("/ui/selfservice/login.xhtml");
        pages.type("node-identifier", email);
        pages.type("node-password", password);
        WebElement csrf = driver.findElement(By.cssSelector("#flow-form input[name='csrf_token']"));
        String genuine = csrf.getDomProperty("value");
        pages.script("arguments[0].value = arguments[0].value.split('').reverse().join('')", csrf);
        assertFalse(genuine.equals(csrf.getDomProperty("value")), "token changed");
        driver.findElement(By.id("node-method-password")).click();

        pages.until(ExpectedConditions.textToBe(By.tagName("h1"), "Security check failed"));
        assertEquals(403L, pages.script("return performance.getEntriesByType('navigation')[0].responseStatus"));
        assertNull(driver.manage().getCookieNamed(SESSION_COOKIE), "no session cookie");
        pages.open("/ui/selfservice/welcome.xhtml");
        pages.await(By.id("signed-out"));
    }

    private void signIn(String identifier, String password) {
        pages.open("/self-service/login/browser");
        pages.awaitPath("/ui/selfservice/login.xhtml");
        pages.type("node-identifier", identifier);
        pages.type("node-password", password);
        driver.findElement(By.id("node-method-password")).click();
    }

    private void switchLanguage(String lang) {
        WebElement link = driver.findElement(By.cssSelector("nav.languages a[lang='" + lang + "']"));
        link.click();
        pages.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", lang));
    }

    private String labelOf(String inputId) {
        return driver.findElement(By.cssSelector("label[for='" + inputId + "']")).getText();
    }
}
