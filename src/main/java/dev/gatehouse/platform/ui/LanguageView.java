package dev.gatehouse.platform.ui;

import dev.gatehouse.platform.http.PublicUrls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The page language: {@code ?lang=} when given (and then remembered in a cookie), else the remembered
 * choice, else the best match of Accept-Language among English, Russian and Chinese.
 */
@Named("language")
@RequestScoped
public class LanguageView {

    static final String COOKIE = dev.gatehouse.platform.http.RequestLanguage.COOKIE;
    private static final List<String> SUPPORTED = dev.gatehouse.platform.http.RequestLanguage.SUPPORTED;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            locale = resolve();
        }
        return locale;
    }

    private Locale resolve() {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        String lang = external.getRequestParameterMap().get("lang");
        if (lang != null && SUPPORTED.contains(lang)) {
            Cookie c = new Cookie(COOKIE, lang);
            c.setPath("/");
            c.setHttpOnly(true);
            c.setSecure(PublicUrls.secure((HttpServletRequest) external.getRequest()));
            c.setMaxAge(365 * 24 * 3600);
            c.setAttribute("SameSite", "Lax");
            ((HttpServletResponse) external.getResponse()).addCookie(c);
            return Locale.forLanguageTag(lang);
        }
        Object remembered = external.getRequestCookieMap().get(COOKIE);
        if (remembered instanceof Cookie c && SUPPORTED.contains(c.getValue())) {
            return Locale.forLanguageTag(c.getValue());
        }
        return faces.getApplication().getViewHandler().calculateLocale(faces);
    }

    public List<String> getSupported() {
        return SUPPORTED;
    }

    /** This page in another language, keeping its other query parameters (e.g. the flow id). */
    public String link(String lang) {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String path = forwarded != null ? forwarded.toString() : request.getRequestURI();
        Object forwardedQuery = request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
        String query = forwarded != null ? (forwardedQuery == null ? null : forwardedQuery.toString()) : request.getQueryString();
        StringBuilder kept = new StringBuilder();
        if (query != null) {
            for (String pair : query.split("&")) {
                String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
                if (!pair.isEmpty() && !name.equals("lang")) {
                    kept.append(pair).append('&');
                }
            }
        }
        return path + "?" + kept + "lang=" + URLEncoder.encode(lang, StandardCharsets.UTF_8);
    }
}
