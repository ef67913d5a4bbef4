package dev.gatehouse.platform.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.util.List;
import java.util.Locale;

/**
 * The page language: {@code ?lang=} if given and supported, else the best match of Accept-Language
 * (Faces' own negotiation against the supported locales in faces-config.xml).
 */
@Named("language")
@RequestScoped
public class LanguageView {

    private static final List<String> SUPPORTED = List.of("en", "ru", "zh");

    public Locale getLocale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        String lang = faces.getExternalContext().getRequestParameterMap().get("lang");
        if (lang != null && SUPPORTED.contains(lang)) {
            return Locale.forLanguageTag(lang);
        }
        return faces.getViewRoot() != null ? faces.getViewRoot().getLocale()
                : faces.getApplication().getViewHandler().calculateLocale(faces);
    }

    public List<String> getSupported() {
        return SUPPORTED;
    }
}
