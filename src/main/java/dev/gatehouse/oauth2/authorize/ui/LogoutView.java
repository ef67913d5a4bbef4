package dev.gatehouse.oauth2.authorize.ui;

import dev.gatehouse.oauth2.Issuer;
import dev.gatehouse.oauth2.authorize.AuthorizeConfig;
import dev.gatehouse.oauth2.authorize.Browser;
import dev.gatehouse.platform.http.PublicUrls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** The logout confirmation page: a form that answers the logout challenge with the browser's CSRF token. */
@Named
@RequestScoped
public class LogoutView {

    @Inject
    AuthorizeConfig config;
    @Inject
    Issuer issuer;

    private HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    public String getChallenge() {
        String c = request().getParameter("logout_challenge");
        return c == null ? "" : c;
    }

    public String getCsrfToken() {
        return Browser.of(request(), config, issuer.of(request())).csrfCookie().orElse("");
    }

    public String getAction() {
        return PublicUrls.of(request(), "/oauth2/ui/logout");
    }
}
