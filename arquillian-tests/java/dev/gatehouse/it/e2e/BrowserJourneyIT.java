package dev.gatehouse.it.e2e;

import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.time.Duration;
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
@ExtendWith(ItServerReady.class)
class BrowserJourneyIT {

    private static final String SESSION_COOKIE = "gatehouse_session";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private HeadlessChromium browser;
    private WebDriver driver;

    @RegisterExtension
    final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> driver);

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start();
        driver = browser.driver();
    }

    @AfterEach
    void quitBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void userWhenSignsUpSignsInAndChangesPasswordThenEachPageShowsItAndOnlyTheNewPasswordWorks() {
        String email = "browser-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
        String password = "first journey passphrase " + UUID.randomUUID().toString().substring(0, 8);
        String newPassword = "second journey passphrase " + UUID.randomUUID().toString().substring(0, 8);

        // 1. the registration link of an app leads to the Faces page of a fresh flow
        open("/self-service/registration/browser");
        awaitPath("/ui/selfservice/registration.xhtml");
        String flow = flowId();

        // 2. the page in Russian keeps the flow; back to English
        switchLanguage("ru");
        assertEquals("Пароль", labelOf("node-password"));
        assertEquals("ru", driver.findElement(By.tagName("html")).getDomAttribute("lang"));
        assertEquals(flow, flowId(), "switching the language keeps the flow");
        switchLanguage("en");
        assertEquals("Password", labelOf("node-password"));
        assertEquals(flow, flowId());

        // 3. sign up: signed in on the welcome page, with an HttpOnly session cookie
        type("node-traits-email", email);
        type("node-traits-name-first", "Ada");
        type("node-traits-name-last", "Lovelace");
        type("node-password", password);
        driver.findElement(By.id("node-method-password")).click();
        assertSignedInAs(email);
        assertTrue(driver.findElement(By.id("signed-in-as")).getText().contains("Ada Lovelace"));
        Cookie session = driver.manage().getCookieNamed(SESSION_COOKIE);
        assertNotNull(session, "session cookie set");
        assertTrue(session.isHttpOnly(), "session cookie is HttpOnly");
        assertFalse(String.valueOf(script("return document.cookie")).contains(SESSION_COOKIE), "scripts cannot read it");

        // 4. sign out
        signOut();

        // 5. sign in
        signIn(email, password);
        assertSignedInAs(email);

        // 6. change the password in settings
        click(By.id("to-settings"));
        awaitPath("/ui/selfservice/settings.xhtml");
        WebElement passwordForm = driver.findElement(By.cssSelector("form[data-group='password']"));
        passwordForm.findElement(By.name("password")).sendKeys(newPassword);
        passwordForm.findElement(By.cssSelector("button[type='submit']")).click();
        WebElement saved = await(By.cssSelector("[data-id='1050001']"));
        assertEquals("Your changes have been saved!", saved.getText());
        awaitPath("/ui/selfservice/settings.xhtml");

        // 7. signed out, a tampered form is refused; the old password no longer works, the new one does
        click(By.id("to-welcome"));
        signOut();
        submitLoginWithTamperedCsrf(email, newPassword);

        signIn(email, password);
        WebElement refused = await(By.cssSelector("#flow-messages [data-id='4000006']"));
        assertTrue(refused.getText().startsWith("The provided credentials are invalid"), refused.getText());
        awaitPath("/ui/selfservice/login.xhtml");
        assertNull(driver.manage().getCookieNamed(SESSION_COOKIE));

        assertEquals(email, driver.findElement(By.id("node-identifier")).getDomProperty("value"), "identifier kept");
        type("node-password", newPassword);
        driver.findElement(By.id("node-method-password")).click();
        assertSignedInAs(email);
    }

    /** Signs in on a fresh login page with the right password but a CSRF token changed by script. */
    private void submitLoginWithTamperedCsrf(String email, String password) {
        open("/self-service/login/browser");
        awaitPath("/ui/selfservice/login.xhtml");
        type("node-identifier", email);
        type("node-password", password);
        WebElement csrf = driver.findElement(By.cssSelector("form[data-group='password'] input[name='csrf_token']"));
        String genuine = csrf.getDomProperty("value");
        script("arguments[0].value = arguments[0].value.split('').reverse().join('')", csrf);
        assertFalse(genuine.equals(csrf.getDomProperty("value")), "token changed");
        driver.findElement(By.id("node-method-password")).click();

        until(ExpectedConditions.textToBe(By.tagName("h1"), "Security check failed"));
        assertEquals(403L, script("return performance.getEntriesByType('navigation')[0].responseStatus"));
        assertNull(driver.manage().getCookieNamed(SESSION_COOKIE), "no session cookie");
        open("/ui/selfservice/welcome.xhtml");
        await(By.id("signed-out"));
    }

    private void signIn(String identifier, String password) {
        open("/self-service/login/browser");
        awaitPath("/ui/selfservice/login.xhtml");
        type("node-identifier", identifier);
        type("node-password", password);
        driver.findElement(By.id("node-method-password")).click();
    }

    private void signOut() {
        click(By.id("logout"));
        awaitPath("/ui/selfservice/welcome.xhtml");
        await(By.id("signed-out"));
        assertNull(driver.manage().getCookieNamed(SESSION_COOKIE), "session cookie removed");
    }

    private void assertSignedInAs(String email) {
        awaitPath("/ui/selfservice/welcome.xhtml");
        WebElement who = await(By.id("signed-in-as"));
        assertTrue(who.getText().contains(email), who.getText());
    }

    private void switchLanguage(String lang) {
        WebElement link = driver.findElement(By.cssSelector("nav.languages a[lang='" + lang + "']"));
        link.click();
        until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", lang));
    }

    private void open(String path) {
        driver.get(ItServer.get().uri(path).toString());
    }

    private void click(By by) {
        await(by).click();
    }

    private WebElement await(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits for a condition, reading the page again when a navigation replaced the element looked at. */
    private <T> T until(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Waits until the browser shows a page of this server at this path (after any redirects). */
    private void awaitPath(String path) {
        new WebDriverWait(driver, WAIT).withMessage(() -> "expected " + path + ", browser is at " + driver.getCurrentUrl())
                .until(d -> path.equals(URI.create(d.getCurrentUrl()).getPath()));
    }

    private String flowId() {
        String query = URI.create(driver.getCurrentUrl()).getQuery();
        assertNotNull(query, driver.getCurrentUrl());
        for (String pair : query.split("&")) {
            if (pair.startsWith("flow=")) {
                return pair.substring("flow=".length());
            }
        }
        throw new AssertionError("no flow in " + driver.getCurrentUrl());
    }

    private String labelOf(String inputId) {
        return driver.findElement(By.cssSelector("label[for='" + inputId + "']")).getText();
    }

    private void type(String inputId, String text) {
        WebElement input = await(By.id(inputId));
        input.clear();
        input.sendKeys(text);
    }

    private Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }
}
