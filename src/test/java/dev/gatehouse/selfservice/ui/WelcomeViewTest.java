package dev.gatehouse.selfservice.ui;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The sign-in page's link to recovery, in each language the pages speak. */
class WelcomeViewTest {

    private static String text(boolean passwordFree, String language) {
        return ResourceBundle.getBundle("dev.gatehouse.i18n.messages", Locale.forLanguageTag(language))
                .getString(WelcomeView.recoveryLinkKey(passwordFree));
    }

    @Test
    void recoveryLinkWhenPasswordFreeThenReadsAsAccountRecoveryElseForgottenPassword() {
        assertEquals("Forgot your password?", text(false, "en"));
        assertEquals("Trouble signing in? Recover your account", text(true, "en"));
        assertEquals("Не получается войти? Восстановите доступ", text(true, "ru"));
        assertEquals("无法登录？恢复您的账户", text(true, "zh"));
        assertEquals("忘记密码？", text(false, "zh"));
    }
}
