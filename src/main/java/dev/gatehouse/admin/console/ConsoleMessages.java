package dev.gatehouse.admin.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import java.util.ResourceBundle;

/** The page-wide messages console pages show after an action: a text of the bundle, or what a service answered. */
public final class ConsoleMessages {

    private ConsoleMessages() {
    }

    /** The bundle's text under {@code key}, as information ("Saved."). */
    public static void info(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, bundle.getString(key), null));
    }

    /** A refusal in the service's own words (an admin API problem's detail, safe to show). */
    public static void refused(String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, detail, null));
    }
}
