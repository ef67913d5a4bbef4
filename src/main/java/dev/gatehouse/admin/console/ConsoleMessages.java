package dev.gatehouse.admin.console;

import dev.gatehouse.kernel.RequestActor;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.ResourceBundle;

/** What a console page's change says back (a global message from the bundles), and who made it (the actor). */
public final class ConsoleMessages {

    private ConsoleMessages() {
    }

    public static void info(String key) {
        add(FacesMessage.SEVERITY_INFO, text(key));
    }

    public static void error(String key) {
        add(FacesMessage.SEVERITY_ERROR, text(key));
    }

    /** An error in the service's own words (safe to show: what the admin API would answer). */
    public static void errorText(String text) {
        add(FacesMessage.SEVERITY_ERROR, text);
    }

    /** A refusal in the service's own words (an admin API problem's detail, safe to show). */
    public static void refused(String detail) {
        errorText(detail);
    }

    /** Answers this request with a 404 (a page's subject this tenant does not have) and renders nothing more. */
    public static void notFound(String detail) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().responseSendError(HttpServletResponse.SC_NOT_FOUND, detail);
        faces.responseComplete();
    }

    /** The console user as the actor of a change, as the admin API names its caller. */
    public static String actor() {
        return RequestActor.of((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }

    /** The text of a bundle key in the request's language. */
    public static String text(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        return bundle.getString(key);
    }

    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
