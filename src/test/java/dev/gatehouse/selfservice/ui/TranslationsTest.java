package dev.gatehouse.selfservice.ui;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Trait titles and alternatives in the page's language. */
class TranslationsTest {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    @Test
    void traitTitleWhenBundleKnowsItThenTranslatedElseAsTheSchemaSaysIt() {
        assertEquals("E-Mail", Translations.traitTitle("E-Mail", Locale.ENGLISH));
        assertEquals("Электронная почта", Translations.traitTitle("E-Mail", RUSSIAN));
        assertEquals("电子邮件", Translations.traitTitle("E-Mail", Locale.CHINESE));
        assertEquals("Username", Translations.traitTitle("Username", RUSSIAN));
    }

    @Test
    void eitherWhenSeveralThenJoinedAsTheLanguageSaysOr() {
        assertEquals("E-Mail", Translations.either(List.of("E-Mail"), Locale.ENGLISH));
        assertEquals("E-Mail or Username or Phone", Translations.either(List.of("E-Mail", "Username", "Phone"), Locale.ENGLISH));
        assertEquals("Почта или Имя", Translations.either(List.of("Почта", "Имя"), RUSSIAN));
        assertEquals("邮件或用户名", Translations.either(List.of("邮件", "用户名"), Locale.CHINESE));
    }
}
