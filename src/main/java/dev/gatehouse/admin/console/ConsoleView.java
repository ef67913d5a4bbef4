package dev.gatehouse.admin.console;

import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.platform.http.PublicUrls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import java.util.List;

/**
 * What every console page shows around its content: who is signed in and with which role, the navigation (only the
 * pages the role may open), the CSRF token for its forms, and links that keep the tenant's prefix.
 */
@Named("console")
@RequestScoped
public class ConsoleView {

    @Inject
    CurrentTenant tenant;

    /** The signed-in console user of this tenant, or null (on the 403 page of someone without a role). */
    public ConsoleUser getUser() {
        return ConsoleSessions.user(request(), tenant.id().value()).orElse(null);
    }

    public List<ConsolePage> getNavigation() {
        ConsoleUser user = getUser();
        return user == null ? List.of() : ConsolePage.navigation(user);
    }

    /** Whether the user may change things: an auditor's pages show forms read-only and no action buttons. */
    public boolean isCanChange() {
        ConsoleUser user = getUser();
        return user != null && user.role().mayChange();
    }

    public String getCsrfToken() {
        return ConsoleSessions.csrfToken(request());
    }

    public String getCsrfParameter() {
        return ConsoleGuardFilter.CSRF_PARAMETER;
    }

    public String getTenant() {
        return tenant.displayName();
    }

    /** A console page's absolute URL under this tenant. */
    public String link(ConsolePage page) {
        return PublicUrls.of(request(), page.path());
    }

    /** Whether {@code page} is the one shown (the navigation marks it with {@code aria-current}). */
    public boolean current(ConsolePage page) {
        Object forwarded = request().getAttribute(RequestDispatcher.FORWARD_SERVLET_PATH);
        String path = request().getServletPath() + (request().getPathInfo() == null ? "" : request().getPathInfo());
        return page.path().equals(path) || forwarded != null && page.path().startsWith(forwarded.toString());
    }

    public String getSignOutAction() {
        return PublicUrls.of(request(), ConsoleGuardFilter.SIGN_OUT_PATH);
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }
}
