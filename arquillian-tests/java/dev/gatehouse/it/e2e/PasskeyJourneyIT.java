package dev.gatehouse.it.e2e;

import dev.gatehouse.credential.totp.TotpSecret;
import dev.gatehouse.it.support.Mailbox;
import dev.gatehouse.it.support.TestTenants;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The journey of someone who starts with a passkey and adds the rest, on the pages in headless Chromium with its
 * virtual authenticator, in each language the pages speak: sign up with an e-mail address and a passkey only, sign
 * out and back in with the passkey, set up an authenticator app and then a password in settings; on a device
 * without the passkey, sign in with the password and be asked for the app (aal2); a new password-only session is
 * sent to the step-up before settings, and so is a recovery by e-mail (GreenMail). The tenant has passkeys on.
 */
class PasskeyJourneyIT extends BrowserTest {

    @RegisterExtension
    Mailbox mail = new Mailbox();

    private static List<String> methods(JsonObject session) {
        return session.getJsonArray("authentication_methods").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("method")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ru", "zh"})
    void userWhenStartsWithAPasskeyAndAddsAnAppAndAPasswordThenEveryPasswordSignInAndRecoveryAsksForTheApp(String lang) {
        Pages tenant = pages.within("/t/" + TestTenants.create("passkey-journey", "{\"webauthn.passkey.enabled\": true}"));
        SecondFactorSteps steps = new SecondFactorSteps(driver, tenant, mail, lang);
        String email = "passkey-" + lang + "-" + UUID.randomUUID().toString().substring(0, 10) + "@example.test";
        String password = "passkey journey passphrase " + UUID.randomUUID().toString().substring(0, 8);
        VirtualAuthenticator authenticator = pages.addPlatformAuthenticator();

        // sign up with the address and a passkey, no password
        tenant.signUpWithPasskey(email);
        steps.assertSignedInAs(email);
        JsonObject signedUp = steps.whoami();
        assertEquals(List.of("passkey"), methods(signedUp));
        steps.backToWelcomeAndSignOut();

        // back in with the passkey: the sign-in page asks for one with conditional mediation, which the virtual
        // authenticator answers at once with the passkey it holds, as a person picking it would
        tenant.open("/self-service/login/browser");
        steps.assertSignedInAs(email);
        JsonObject withPasskey = steps.whoami();
        assertEquals(signedUp.getJsonObject("identity").getString("id"), withPasskey.getJsonObject("identity").getString("id"));
        assertEquals("aal1", withPasskey.getString("authenticator_assurance_level"));
        assertEquals(List.of("passkey"), methods(withPasskey));

        // settings: an authenticator app, then a password
        tenant.open("/ui/selfservice/welcome.xhtml");
        steps.openSettings();
        TotpSecret app = steps.setUpApp();
        steps.setPassword(password);
        steps.backToWelcomeAndSignOut();

        // on a device without the passkey: the password, then the page asks for the app
        ((HasVirtualAuthenticator) driver).removeVirtualAuthenticator(authenticator);
        steps.signInWithPassword(email, password);
        steps.awaitSecondFactorStep();
        steps.giveAppCode(app);
        steps.assertSignedInAs(email);
        JsonObject raised = steps.whoami();
        assertEquals("aal2", raised.getString("authenticator_assurance_level"));
        assertEquals(List.of("password", "totp"), methods(raised));
        steps.backToWelcomeAndSignOut();

        // a new password-only session is sent to the step-up before settings
        steps.signInWithPassword(email, password);
        steps.awaitSecondFactorStep();
        tenant.open("/self-service/settings/browser");
        steps.awaitSecondFactorStep();
        assertEquals("session_aal2_required", steps.whoami().getJsonObject("error").getString("id"));
        steps.backToWelcomeAndSignOut();

        // recovery by e-mail signs in at aal1 only: the app is still asked for before settings
        steps.recoverByMail(email);
        steps.awaitSecondFactorStep();
        assertEquals("session_aal2_required", steps.whoami().getJsonObject("error").getString("id"));
    }
}
