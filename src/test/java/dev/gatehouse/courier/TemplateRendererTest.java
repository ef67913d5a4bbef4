package dev.gatehouse.courier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateRendererTest {

    private final TemplateRenderer builtIn = new TemplateRenderer(Optional.empty());

    @Test
    void renderWhenEveryTemplateAndLanguageThenAllThreePartsExistWithoutPlaceholdersLeft() {
        for (MessageTemplate t : MessageTemplate.values()) {
            for (String lang : new String[] {"en", "ru", "zh"}) {
                RenderedMessage m = builtIn.render(t, Locale.forLanguageTag(lang), Map.of("code", "424242", "to", "a@b.example", "link", "https://x.example/l"));
                assertFalse(m.subject().isBlank(), t + " " + lang);
                assertFalse(m.text().contains("{{") || m.html().contains("{{") || m.subject().contains("{{"), t + " " + lang);
                assertTrue(m.html().contains("lang=\"" + lang + "\""), t + " " + lang);
                if (t.wire().endsWith("_code_valid")) {
                    assertTrue(m.text().contains("424242") && m.html().contains("424242"), t + " " + lang);
                }
            }
        }
    }

    @Test
    void renderSmsWhenEveryCodeTemplateAndLanguageThenTheCodeInThatLanguage() {
        for (MessageTemplate t : List.of(MessageTemplate.LOGIN_CODE_VALID, MessageTemplate.REGISTRATION_CODE_VALID,
                MessageTemplate.VERIFICATION_CODE_VALID, MessageTemplate.RECOVERY_CODE_VALID)) {
            Set<String> texts = new HashSet<>();
            for (String lang : new String[] {"en", "ru", "zh"}) {
                String sms = builtIn.renderSms(t, Locale.forLanguageTag(lang), Map.of("code", "424242"));
                assertTrue(sms.contains("424242") && !sms.contains("{{"), t + " " + lang + ": " + sms);
                texts.add(sms);
            }
            assertEquals(3, texts.size(), t + ": each language has its own text, none falls back to English");
        }
    }

    @Test
    void renderWhenOptionalValueMissingThenItsLineIsLeftOut() {
        RenderedMessage with = builtIn.render(MessageTemplate.RECOVERY_CODE_VALID, Locale.ENGLISH,
                Map.of("code", "424242", "to", "a@b.example", "link", "https://x.example/l"));
        RenderedMessage without = builtIn.render(MessageTemplate.RECOVERY_CODE_VALID, Locale.ENGLISH,
                Map.of("code", "424242", "to", "a@b.example"));

        assertTrue(with.text().contains("https://x.example/l") && with.html().contains("https://x.example/l"));
        assertFalse(without.text().contains("link") || without.html().contains("link"), without.text());
        assertTrue(without.text().contains("424242"));
    }

    @Test
    void renderWhenValueHasMarkupThenEscapedInHtmlOnly() {
        RenderedMessage m = builtIn.render(MessageTemplate.LOGIN_CODE_VALID, Locale.ENGLISH,
                Map.of("code", "<script>alert('x')</script>&\""));
        assertTrue(m.html().contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;"), m.html());
        assertFalse(m.html().contains("<script>"));
        assertTrue(m.text().contains("<script>alert('x')</script>&\""), "plain text keeps the value as it is");
    }

    @Test
    void renderWhenValueHasLineBreaksThenSubjectStaysOneLine(@TempDir Path dir) throws IOException {
        write(dir, "login_code_valid/en/subject.txt", "Code for {{to}}\n");
        RenderedMessage m = new TemplateRenderer(Optional.of(dir)).render(MessageTemplate.LOGIN_CODE_VALID, Locale.ENGLISH,
                Map.of("to", "a@b.c\r\nBcc: evil@x.y"));
        assertFalse(m.subject().contains("\n") || m.subject().contains("\r"), m.subject());
        assertEquals("Code for a@b.c Bcc: evil@x.y", m.subject());
    }

    @Test
    void renderWhenLanguageUnsupportedThenEnglish() {
        RenderedMessage de = builtIn.render(MessageTemplate.LOGIN_CODE_VALID, Locale.GERMAN, Map.of("code", "1"));
        assertEquals("Your sign-in code", de.subject());
        assertEquals("Ваш код для входа", builtIn.render(MessageTemplate.LOGIN_CODE_VALID, Locale.forLanguageTag("ru-RU"), Map.of()).subject());
        assertEquals("您的登录验证码", builtIn.render(MessageTemplate.LOGIN_CODE_VALID, Locale.forLanguageTag("zh-Hans-CN"), Map.of()).subject());
    }

    @Test
    void renderWhenOverrideDirHasFileThenItWinsAndOthersComeFromBuiltIn(@TempDir Path dir) throws IOException {
        write(dir, "login_code_valid/ru/subject.txt", "Код: {{code}}");
        write(dir, "login_code_valid/en/body.txt", "Custom {{code}}!\nOnly with {{unknown}}");
        TemplateRenderer r = new TemplateRenderer(Optional.of(dir));

        RenderedMessage ru = r.render(MessageTemplate.LOGIN_CODE_VALID, Locale.forLanguageTag("ru"), Map.of("code", "9"));
        assertEquals("Код: 9", ru.subject());
        assertTrue(ru.text().contains("Ваш код для входа"), "ru body still built in: " + ru.text());

        RenderedMessage en = r.render(MessageTemplate.LOGIN_CODE_VALID, Locale.ENGLISH, Map.of("code", "9"));
        assertEquals("Custom 9!", en.text(), "a line with a value the model lacks is left out");
        assertEquals("Your sign-in code", en.subject());
    }

    private static void write(Path dir, String relative, String content) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }
}
