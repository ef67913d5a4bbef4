package dev.gatehouse.it.e2e;

import dev.gatehouse.credential.totp.Totp;
import dev.gatehouse.credential.totp.TotpSecret;
import dev.gatehouse.it.support.Mailbox;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The long journey of someone who protects an account with a second factor, all on the pages in headless Chromium,
 * in each of the languages the pages speak (the browser asks for it with Accept-Language): sign up with a password,
 * sign in, set up an authenticator app from the secret shown on the settings page and recovery codes, sign in
 * again with password and app (aal2), be sent to the step-up from settings with a password-only session, recover
 * by e-mail (mail from GreenMail) and give a recovery code before a new password can be set, and sign in with it.
 * Every page is checked to speak the browser's language.
 */
class SecondFactorJourneyIT extends BrowserTest {

    private static final Totp TOTP = new Totp();

    @RegisterExtension
    Mailbox mail = new Mailbox();

    private String lang;
    private ResourceBundle texts;
    /** The last 30-second step whose app code was used: a code works once, so the next one is for a later step. */
    private long lastStep;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ru", "zh"})
    void userWhenProtectsTheAccountWithAnAppAndRecoveryCodesThenEverySignInAndRecoveryAsksForTheSecondFactor(String lang) {
        speak(lang);
        String email = "mfa-" + lang + "-" + UUID.randomUUID().toString().substring(0, 10) + "@example.test";
        String password = "first journey passphrase " + UUID.randomUUID().toString().substring(0, 8);
        String newPassword = "after recovery passphrase " + UUID.randomUUID().toString().substring(0, 8);

        signUp(email, password);
        pages.signOut();
        signInWithPassword(email, password);
        pages.assertSignedInAs(email);

        openSettings();
        TotpSecret app = setUpApp();
        List<String> recoveryCodes = setUpRecoveryCodes();
        backToWelcomeAndSignOut();

        signInWithPassword(email, password);
        awaitSecondFactorStep();
        giveAppCode(app);
        pages.assertSignedInAs(email);
        assertEquals("aal2", whoami().getString("authenticator_assurance_level"));
        pages.open("/ui/selfservice/welcome.xhtml");
        pages.signOut();

        signInWithPassword(email, password);
        awaitSecondFactorStep();
        pages.open("/self-service/settings/browser");
        awaitSecondFactorStep();
        giveAppCode(app);
        awaitSettingsPage();
        backToWelcomeAndSignOut();

        recoverByMail(email);
        awaitSecondFactorStep();
        giveRecoveryCode(recoveryCodes.get(0));
        awaitSettingsPage();
        setPassword(newPassword);
        backToWelcomeAndSignOut();

        signInWithPassword(email, newPassword);
        awaitSecondFactorStep();
        giveAppCode(app);
        pages.assertSignedInAs(email);
        assertEquals("aal2", whoami().getString("authenticator_assurance_level"));
    }

    // ---- the steps, as a person takes them ----

    private void signUp(String email, String password) {
        pages.open("/self-service/registration/browser");
        pages.awaitPath("/ui/selfservice/registration.xhtml");
        assertHeading("page.registration");
        pages.type("node-traits-email", email);
        pages.type("node-traits-name-first", "Ada");
        pages.type("node-password", password);
        driver.findElement(By.id("node-method-password")).click();
        pages.assertSignedInAs(email);
        assertTrue(driver.findElement(By.id("signed-in-as")).getText().startsWith(text("page.signed.in.as")));
    }

    private void signInWithPassword(String email, String password) {
        pages.open("/self-service/login/browser");
        pages.awaitPath("/ui/selfservice/login.xhtml");
        assertHeading("page.login");
        assertEquals(text("msg.1070001"), labelOf("node-password"));
        pages.type("node-identifier", email);
        pages.type("node-password", password);
        driver.findElement(By.id("node-method-password")).click();
    }

    private void openSettings() {
        pages.click(By.id("to-settings"));
        awaitSettingsPage();
    }

    /** Sets up an authenticator app from the secret the page shows as text; returns the secret, as the app keeps it. */
    private TotpSecret setUpApp() {
        WebElement form = driver.findElement(By.id("flow-form-totp"));
        assertEquals(text("msg.1050017"), form.findElement(By.id("node-totp_secret_key-label")).getText());
        TotpSecret secret = TotpSecret.parse(form.findElement(By.id("node-totp_secret_key")).getText().trim());
        pages.type("node-totp_code", nextCode(secret));
        driver.findElement(By.id("node-method-totp")).click();
        awaitSaved();
        pages.await(By.id("node-totp_unlink-true"));
        return secret;
    }

    /** Generates recovery codes, confirms them, and sees how many are left. */
    private List<String> setUpRecoveryCodes() {
        pages.click(By.id("node-lookup_secret_regenerate-true"));
        WebElement shown = pages.await(By.id("node-lookup_secret_codes"));
        List<String> codes = Arrays.stream(shown.getText().split("[,\\s]+")).filter(c -> !c.isBlank()).toList();
        assertEquals(12, codes.size(), shown.getText());
        assertEquals(text("msg.1050010"), driver.findElement(By.id("node-lookup_secret_codes-label")).getText());
        pages.click(By.id("node-lookup_secret_confirm-true"));
        awaitSaved();
        pages.click(By.id("node-lookup_secret_reveal-true"));
        WebElement left = pages.await(By.id("node-lookup_secret_codes"));
        assertEquals(text("msg.1050901").replace("{remaining}", "12").replace("{total}", "12"), left.getText());
        return codes;
    }

    /** The login page asks for the second factor (message 1010004) and offers the app and the recovery codes. */
    private void awaitSecondFactorStep() {
        pages.awaitPath("/ui/selfservice/login.xhtml");
        WebElement asked = pages.await(By.cssSelector("#flow-messages [data-id='1010004']"));
        assertEquals(text("msg.1010004"), asked.getText());
        assertEquals(text("msg.1010009"), driver.findElement(By.id("node-method-totp")).getText());
        assertEquals(text("msg.1010010"), driver.findElement(By.id("node-method-lookup_secret")).getText());
        assertTrue(driver.findElements(By.id("node-password")).isEmpty(), "no password asked for a second time");
    }

    private void giveAppCode(TotpSecret app) {
        pages.type("node-totp_code", nextCode(app));
        driver.findElement(By.id("node-method-totp")).click();
    }

    private void giveRecoveryCode(String code) {
        assertEquals(text("msg.1010007"), labelOf("node-lookup_secret"));
        pages.type("node-lookup_secret", code);
        driver.findElement(By.id("node-method-lookup_secret")).click();
    }

    /** Recovery by a code mailed in the browser's language; the code leads on towards settings. */
    private void recoverByMail(String email) {
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

    private void setPassword(String password) {
        WebElement form = driver.findElement(By.id("flow-form-password"));
        form.findElement(By.name("password")).sendKeys(password);
        form.findElement(By.cssSelector("button[type='submit']")).click();
        awaitSaved();
    }

    private void backToWelcomeAndSignOut() {
        pages.open("/ui/selfservice/welcome.xhtml");
        pages.signOut();
        assertEquals(text("page.signed.out"), driver.findElement(By.id("signed-out")).getText());
    }

    // ---- what the steps share ----

    private static final Map<String, String> RECOVERY_SUBJECTS = Map.of("en", "Recover access to your account",
            "ru", "Восстановление доступа к учётной записи", "zh", "恢复您的账户访问");

    /** The browser asks for {@code lang} first (Accept-Language), as a browser set to that language does. */
    private void speak(String lang) {
        this.lang = lang;
        this.texts = ResourceBundle.getBundle("dev.gatehouse.i18n.messages", Locale.forLanguageTag(lang),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String agent = String.valueOf(pages.script("return navigator.userAgent"));
        ((ChromeDriver) driver).executeCdpCommand("Network.setUserAgentOverride",
                Map.of("userAgent", agent, "acceptLanguage", lang + "," + lang + ";q=0.9"));
    }

    private String text(String key) {
        return texts.getString(key);
    }

    private void assertHeading(String key) {
        assertEquals(text(key), driver.findElement(By.tagName("h1")).getText());
        assertEquals(lang, driver.findElement(By.tagName("html")).getDomAttribute("lang"));
    }

    private void awaitSettingsPage() {
        pages.awaitPath("/ui/selfservice/settings.xhtml");
        assertHeading("page.settings");
        assertFalse(driver.findElements(By.id("flow-form-password")).isEmpty(), "the settings forms are shown");
    }

    private void awaitSaved() {
        assertEquals(text("msg.1050001"), pages.await(By.cssSelector("#flow-messages [data-id='1050001']")).getText());
    }

    private String labelOf(String inputId) {
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
    private JsonObject whoami() {
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
