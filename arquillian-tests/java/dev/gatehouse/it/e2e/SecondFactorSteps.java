package dev.gatehouse.it.e2e;

import dev.gatehouse.credential.totp.Totp;
import dev.gatehouse.credential.totp.TotpSecret;
import dev.gatehouse.it.support.Mailbox;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The steps of a person who protects an account with an authenticator app, on the pages in headless Chromium, in
 * the language the browser asks for (Accept-Language): signing in with a password, setting up the app from the
 * secret the settings page shows, giving its codes, setting a password, recovering by e-mail. Every page is checked
 * to speak that language.
 */
final class SecondFactorSteps {

    private static final Totp TOTP = new Totp();
    private static final Map<String, String> RECOVERY_SUBJECTS = Map.of("en", "Recover access to your account",
            "ru", "Восстановление доступа к учётной записи", "zh", "恢复您的账户访问");

    private final WebDriver driver;
    private final Pages pages;
    private final Mailbox mail;
    private final String lang;
    private final ResourceBundle texts;
    /** The last 30-second step whose app code was used: a code works once, so the next one is for a later step. */
    private long lastStep;

    /** The steps on {@code pages}, the browser set to ask for {@code lang} first, as a browser set to it does. */
    SecondFactorSteps(WebDriver driver, Pages pages, Mailbox mail, String lang) {
        this.driver = driver;
        this.pages = pages;
        this.mail = mail;
        this.lang = lang;
        this.texts = ResourceBundle.getBundle("dev.gatehouse.i18n.messages", Locale.forLanguageTag(lang),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String agent = String.valueOf(pages.script("return navigator.userAgent"));
        ((ChromeDriver) driver).executeCdpCommand("Network.setUserAgentOverride",
                Map.of("userAgent", agent, "acceptLanguage", lang + "," + lang + ";q=0.9"));
    }

    void signInWithPassword(String email, String password) {
        pages.open("/self-service/login/browser");
        pages.awaitPath("/ui/selfservice/login.xhtml");
        assertHeading("page.login");
        assertEquals(text("msg.1070001"), labelOf("node-password"));
        pages.type("node-identifier", email);
        pages.type("node-password", password);
        driver.findElement(By.id("node-method-password")).click();
    }

    void openSettings() {
        pages.click(By.id("to-settings"));
        awaitSettingsPage();
    }

    /** Sets up an authenticator app from the secret the page shows as text; returns the secret, as the app keeps it. */
    TotpSecret setUpApp() {
        WebElement form = driver.findElement(By.id("flow-form-totp"));
        assertEquals(text("msg.1050017"), form.findElement(By.id("node-totp_secret_key-label")).getText());
        TotpSecret secret = TotpSecret.parse(form.findElement(By.id("node-totp_secret_key")).getText().trim());
        pages.type("node-totp_code", nextCode(secret));
        driver.findElement(By.id("node-method-totp")).click();
        awaitSaved();
        pages.await(By.id("node-totp_unlink-true"));
        return secret;
    }

    /** The login page asks for the second factor (message 1010004), offers the app, and no password again. */
    void awaitSecondFactorStep() {
        pages.awaitPath("/ui/selfservice/login.xhtml");
        WebElement asked = pages.await(By.cssSelector("#flow-messages [data-id='1010004']"));
        assertEquals(text("msg.1010004"), asked.getText());
        assertEquals(text("msg.1010009"), driver.findElement(By.id("node-method-totp")).getText());
        assertTrue(driver.findElements(By.id("node-password")).isEmpty(), "no password asked for a second time");
    }

    void giveAppCode(TotpSecret app) {
        pages.type("node-totp_code", nextCode(app));
        driver.findElement(By.id("node-method-totp")).click();
    }

    /** Recovery by a code mailed in the browser's language; the code leads on towards settings. */
    void recoverByMail(String email) {
        int before = mail.to(email).size();
        pages.open("/self-service/login/browser");
        pages.click(By.id("to-recovery"));
        pages.awaitPath("/ui/selfservice/recovery.xhtml");
        assertHeading("page.recovery");
        pages.type("node-email", email);
        driver.findElement(By.id("node-method-code")).click();
        assertEquals(text("msg.1060003"), pages.await(By.cssSelector("#flow-messages [data-id='1060003']")).getText());
        String recoveryMail = mail.awaitText(email, before + 1);
        assertEquals(RECOVERY_SUBJECTS.get(lang), subject(email, before));
        pages.type("node-code", Mailbox.code(recoveryMail, email));
        driver.findElement(By.id("node-method-code")).click();
    }

    void setPassword(String password) {
        WebElement form = driver.findElement(By.id("flow-form-password"));
        form.findElement(By.name("password")).sendKeys(password);
        form.findElement(By.cssSelector("button[type='submit']")).click();
        awaitSaved();
    }

    void backToWelcomeAndSignOut() {
        pages.open("/ui/selfservice/welcome.xhtml");
        signOut();
    }

    void signOut() {
        pages.click(By.id("logout"));
        pages.awaitPath("/ui/selfservice/welcome.xhtml");
        assertEquals(text("page.signed.out"), pages.await(By.id("signed-out")).getText());
        assertNull(driver.manage().getCookieNamed(Pages.SESSION_COOKIE), "session cookie removed");
    }

    void assertSignedInAs(String email) {
        pages.awaitPath("/ui/selfservice/welcome.xhtml");
        WebElement who = pages.await(By.id("signed-in-as"));
        assertTrue(who.getText().contains(email), who.getText());
        assertTrue(who.getText().startsWith(text("page.signed.in.as")), who.getText());
    }

    String text(String key) {
        return texts.getString(key);
    }

    void assertHeading(String key) {
        assertEquals(text(key), driver.findElement(By.tagName("h1")).getText());
        assertEquals(lang, driver.findElement(By.tagName("html")).getDomAttribute("lang"));
    }

    void awaitSettingsPage() {
        pages.awaitPath("/ui/selfservice/settings.xhtml");
        assertHeading("page.settings");
        assertFalse(driver.findElements(By.id("flow-form-password")).isEmpty(), "the settings forms are shown");
    }

    /** The settings page says it saved, read again if the page was replaced between finding the message and reading it. */
    void awaitSaved() {
        String saved = text("msg.1050001");
        pages.until(d -> saved.equals(d.findElement(By.cssSelector("#flow-messages [data-id='1050001']")).getText()) ? saved : null);
    }

    String labelOf(String inputId) {
        return driver.findElement(By.cssSelector("label[for='" + inputId + "']")).getText();
    }

    /**
     * The code the app shows for a step after the last one used (a code works once): the current step's, or the
     * next one's, which the server accepts as a step of clock drift, once that is at most one step ahead.
     */
    private String nextCode(TotpSecret secret) {
        long step = Math.max(Totp.step(Instant.now()), lastStep + 1);
        // a new code shows within one 30-second step
        new WebDriverWait(driver, Duration.ofSeconds(35)).until(d -> Totp.step(Instant.now()) >= step - 1);
        lastStep = step;
        return TOTP.code(secret, step);
    }

    /** The browser's session as whoami answers it, read from the JSON the browser shows. */
    JsonObject whoami() {
        pages.open("/sessions/whoami");
        String body = driver.findElement(By.tagName("body")).getText();
        return Json.createReader(new StringReader(body)).readObject();
    }

    private String subject(String email, int before) {
        try {
            return mail.to(email).get(before).getSubject();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
