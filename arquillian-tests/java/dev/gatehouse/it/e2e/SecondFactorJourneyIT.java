package dev.gatehouse.it.e2e;

import dev.gatehouse.credential.totp.TotpSecret;
import dev.gatehouse.it.support.Mailbox;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The long journey of someone who protects an account with a second factor, all on the pages in headless Chromium,
 * in each of the languages the pages speak (the browser asks for it with Accept-Language): sign up with a password,
 * sign in, set up an authenticator app from the secret shown on the settings page and recovery codes, sign in
 * again with password and app (aal2), be sent to the step-up from settings with a password-only session and pass it
 * with a recovery code (the phone not at hand), recover by e-mail (mail from GreenMail) and give another recovery
 * code before a new password can be set, and sign in with it and the app. The app gives three codes in all, one for
 * each of three 30-second steps in a row, so the journey waits for at most one new step.
 * Every page is checked to speak the browser's language ({@link SecondFactorSteps}).
 */
class SecondFactorJourneyIT extends BrowserTest {

    @RegisterExtension
    Mailbox mail = new Mailbox();

    private SecondFactorSteps steps;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ru", "zh"})
    void userWhenProtectsTheAccountWithAnAppAndRecoveryCodesThenEverySignInAndRecoveryAsksForTheSecondFactor(String lang) {
        steps = new SecondFactorSteps(driver, pages, mail, lang);
        String email = "mfa-" + lang + "-" + UUID.randomUUID().toString().substring(0, 10) + "@example.test";
        String password = "first journey passphrase " + UUID.randomUUID().toString().substring(0, 8);
        String newPassword = "after recovery passphrase " + UUID.randomUUID().toString().substring(0, 8);

        signUp(email, password);
        pages.signOut();
        steps.signInWithPassword(email, password);
        pages.assertSignedInAs(email);

        steps.openSettings();
        TotpSecret app = steps.setUpApp();
        List<String> recoveryCodes = setUpRecoveryCodes();
        steps.backToWelcomeAndSignOut();

        steps.signInWithPassword(email, password);
        awaitSecondFactorStep();
        steps.giveAppCode(app);
        pages.assertSignedInAs(email);
        assertEquals("aal2", steps.whoami().getString("authenticator_assurance_level"));
        pages.open("/ui/selfservice/welcome.xhtml");
        pages.signOut();

        steps.signInWithPassword(email, password);
        awaitSecondFactorStep();
        pages.open("/self-service/settings/browser");
        awaitSecondFactorStep();
        giveRecoveryCode(recoveryCodes.get(1));
        steps.awaitSettingsPage();
        steps.backToWelcomeAndSignOut();

        steps.recoverByMail(email);
        awaitSecondFactorStep();
        giveRecoveryCode(recoveryCodes.get(0));
        steps.awaitSettingsPage();
        steps.setPassword(newPassword);
        steps.backToWelcomeAndSignOut();

        steps.signInWithPassword(email, newPassword);
        awaitSecondFactorStep();
        steps.giveAppCode(app);
        pages.assertSignedInAs(email);
        assertEquals("aal2", steps.whoami().getString("authenticator_assurance_level"));
    }

    // ---- the steps of this journey only ----

    private void signUp(String email, String password) {
        pages.open("/self-service/registration/browser");
        pages.awaitPath("/ui/selfservice/registration.xhtml");
        steps.assertHeading("page.registration");
        pages.type("node-traits-email", email);
        pages.type("node-traits-name-first", "Ada");
        pages.type("node-password", password);
        driver.findElement(By.id("node-method-password")).click();
        steps.assertSignedInAs(email);
    }

    /** Generates recovery codes, confirms them, and sees how many are left. */
    private List<String> setUpRecoveryCodes() {
        pages.click(By.id("node-lookup_secret_regenerate-true"));
        WebElement shown = pages.await(By.id("node-lookup_secret_codes"));
        List<String> codes = Arrays.stream(shown.getText().split("[,\\s]+")).filter(c -> !c.isBlank()).toList();
        assertEquals(12, codes.size(), shown.getText());
        assertEquals(steps.text("msg.1050010"), driver.findElement(By.id("node-lookup_secret_codes-label")).getText());
        pages.click(By.id("node-lookup_secret_confirm-true"));
        steps.awaitSaved();
        pages.click(By.id("node-lookup_secret_reveal-true"));
        WebElement left = pages.await(By.id("node-lookup_secret_codes"));
        assertEquals(steps.text("msg.1050901").replace("{remaining}", "12").replace("{total}", "12"), left.getText());
        return codes;
    }

    /** The second factor is asked for, with the recovery codes offered beside the app. */
    private void awaitSecondFactorStep() {
        steps.awaitSecondFactorStep();
        assertEquals(steps.text("msg.1010010"), driver.findElement(By.id("node-method-lookup_secret")).getText());
    }

    private void giveRecoveryCode(String code) {
        assertEquals(steps.text("msg.1010007"), steps.labelOf("node-lookup_secret"));
        pages.type("node-lookup_secret", code);
        driver.findElement(By.id("node-method-lookup_secret")).click();
    }
}
