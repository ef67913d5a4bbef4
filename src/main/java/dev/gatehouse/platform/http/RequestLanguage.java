package dev.gatehouse.platform.http;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The language of the person behind the current request, for what is made outside a page (e-mails): the
 * language chosen on the pages (the {@code gatehouse_lang} cookie), else the best of Accept-Language
 * among English, Russian and Chinese, else English.
 */
@RequestScoped
public class RequestLanguage {

    public static final String COOKIE = "gatehouse_lang";
    public static final List<String> SUPPORTED = List.of("en", "ru", "zh");

    @Inject
    HttpServletRequest request;

    public Locale locale() {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (c.getName().equals(COOKIE) && SUPPORTED.contains(c.getValue())) {
                    return Locale.forLanguageTag(c.getValue());
                }
            }
        }
        if (request.getHeader("Accept-Language") != null) {
            for (Locale l : Collections.list(request.getLocales())) {
                if (SUPPORTED.contains(l.getLanguage())) {
                    return Locale.forLanguageTag(l.getLanguage());
                }
            }
        }
        return Locale.ENGLISH;
    }
}
