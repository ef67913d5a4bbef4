package dev.gatehouse.selfservice.ui;

import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.platform.http.PublicUrls;
import dev.gatehouse.selfservice.LoginStyle;
import dev.gatehouse.session.SessionCookies;
import dev.gatehouse.session.SessionService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/** The page a browser lands on after signing in: who is signed in, and links to settings and logout. */
@Named
@RequestScoped
public class WelcomeView {

    @Inject
    SessionCookies cookies;
    @Inject
    SessionService sessions;
    @Inject
    CurrentTenant tenant;
    @Inject
    LoginStyle style;

    private Optional<SessionService.Authenticated> current;

    private HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    private Optional<SessionService.Authenticated> current() {
        if (current == null) {
            current = cookies.cookie(request()).flatMap(t -> sessions.authenticate(tenant.id(), t));
        }
        return current;
    }

    public boolean isSignedIn() {
        return current().isPresent();
    }

    public String getEmail() {
        return current().map(a -> a.identity().traits().getString("email", "")).orElse("");
    }

    public String getName() {
        return current().map(a -> a.identity().traits().get("name") instanceof JsonObject n
                ? (n.getString("first", "") + " " + n.getString("last", "")).trim() : "").orElse("");
    }

    public String getLogoutUrl() {
        return current().map(a -> PublicUrls.of(request(), "/self-service/logout?token=" + sessions.logoutToken(a.session())))
                .orElse("");
    }

    /** The text of the sign-in page's link to recovery: without passwords there is none to forget, only an account to recover. */
    public String getRecoveryLinkKey() {
        return recoveryLinkKey(style.passwordFree());
    }

    static String recoveryLinkKey(boolean passwordFree) {
        return passwordFree ? "page.to.recovery.account" : "page.to.recovery";
    }

    public String url(String path) {
        return PublicUrls.of(request(), path);
    }
}
