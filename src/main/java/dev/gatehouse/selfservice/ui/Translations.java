package dev.gatehouse.selfservice.ui;

import dev.gatehouse.selfservice.UiText;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Flow messages in the page's language: looked up by Kratos id ({@code msg.<id>}) in the message bundles,
 * placeholders {@code {name}} filled from the message's context; English text from the flow otherwise.
 */
public final class Translations {

    private static final String BUNDLE = "dev.gatehouse.i18n.messages";

    private Translations() {
    }

    public static String text(UiText t, Locale locale) {
        if (t.id() == 1070002) {
            // a trait's label: the schema title, translated when the bundle knows it
            return traitTitle(t.context().getString("title", t.text()), locale);
        }
        String pattern = lookup("msg." + t.id(), locale).orElse(null);
        if (pattern == null) {
            return t.text();
        }
        String out = pattern;
        for (var e : t.context().entrySet()) {
            out = out.replace("{" + e.getKey() + "}", plain(e.getValue()));
        }
        return out;
    }

    /** A trait's title from the identity schema, translated when the bundle knows it ({@code trait.<title>}). */
    public static String traitTitle(String title, Locale locale) {
        return lookup("trait." + title, locale).orElse(title);
    }

    /** Alternatives joined as the language says "A or B" ({@code page.either}); one alone as it is. */
    public static String either(List<String> alternatives, Locale locale) {
        String pattern = lookup("page.either", locale).orElse("{0} or {1}");
        return alternatives.stream().reduce((a, b) -> pattern.replace("{0}", a).replace("{1}", b)).orElse("");
    }

    private static java.util.Optional<String> lookup(String key, Locale locale) {
        try {
            return java.util.Optional.of(ResourceBundle.getBundle(BUNDLE, locale).getString(key));
        } catch (MissingResourceException e) {
            return java.util.Optional.empty();
        }
    }

    private static String plain(JsonValue v) {
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonNumber n) {
            return n.toString();
        }
        return v.toString();
    }
}
