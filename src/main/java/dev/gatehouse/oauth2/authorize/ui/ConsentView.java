package dev.gatehouse.oauth2.authorize.ui;

import dev.gatehouse.oauth2.Issuer;
import dev.gatehouse.oauth2.authorize.AuthorizeConfig;
import dev.gatehouse.oauth2.authorize.Browser;
import dev.gatehouse.oauth2.authorize.ConsentRequests;
import dev.gatehouse.platform.http.PublicUrls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.util.List;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The consent page: which client asks for which scopes, and the form that answers with Allow or Deny. */
@Named
@RequestScoped
public class ConsentView {

    @Inject
    ConsentRequests consents;
    @Inject
    AuthorizeConfig config;
    @Inject
    Issuer issuer;

    private ConsentRequests.Pending pending;

    private HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    private ConsentRequests.Pending pending() {
        if (pending == null) {
            pending = consents.get(request().getParameter("consent_challenge"));
        }
        return pending;
    }

    public String getChallenge() {
        return pending().challenge();
    }

    public String getClientName() {
        String name = pending().client().clientName();
        return name == null || name.isBlank() ? pending().client().clientId() : name;
    }

    public List<String> getScopes() {
        return pending().flow().request().scope();
    }

    /** The translated description of a well-known scope, or the scope itself. */
    public String describe(String scope) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        try {
            return bundle.getString("oauth2.scope." + scope);
        } catch (MissingResourceException e) {
            return scope;
        }
    }

    /** The browser's CSRF secret (the cookie the request was bound to), echoed by the form. */
    public String getCsrfToken() {
        return Browser.of(request(), config, issuer.of(request())).csrfCookie().orElse("");
    }

    public String getAction() {
        return PublicUrls.of(request(), "/oauth2/ui/consent");
    }
}
