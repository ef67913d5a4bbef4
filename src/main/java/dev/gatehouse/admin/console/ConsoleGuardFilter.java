package dev.gatehouse.admin.console;

import dev.gatehouse.kernel.RequestActor;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ProblemWriter;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;

/**
 * Guards every console path: an anonymous browser asking for a page is sent to sign in ({@link ConsoleSignIn});
 * a signed-in user opens only the pages of its role (and tenant: {@link ConsolePage}), anything else is the 403 page; every
 * POST must carry the session's CSRF token ({@value #CSRF_PARAMETER}) besides Faces' view state, and an auditor's
 * POST is refused whatever it carries. The console user is the request's actor, so the services' security events
 * name the person, as the admin API's name its key or client. Mapped for FORWARD too: {@code /t/{tenant}/ui/console/}
 * arrives here forwarded by the tenant filter.
 */
@WebFilter(urlPatterns = "/ui/console/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class ConsoleGuardFilter extends HttpFilter {

    /** The form field that carries the session's CSRF token. */
    public static final String CSRF_PARAMETER = "console_csrf";
    /** The page that says "not for you", shown with status 403. */
    public static final String DENIED_PAGE = ConsolePage.BASE + "denied.xhtml";
    static final String SIGN_OUT_PATH = "/ui/console/signout";
    /** Set on a request this filter let through; {@link ConsoleViewGuard} renders console views only for those. */
    static final String GUARDED = "gatehouse.consoleGuarded";
    private static final String DENIED_REASON = "gatehouse.consoleDenied";
    private static final long serialVersionUID = 1L;

    @Inject
    CurrentTenant tenant;
    @Inject
    ConsoleSignIn signIn;
    @Inject
    SecurityEvents events;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(ConsoleSignIn.CALLBACK) || request.getAttribute(DENIED_REASON) != null && path.equals(DENIED_PAGE)) {
            request.setAttribute(GUARDED, Boolean.TRUE);
            chain.doFilter(request, response);
            return;
        }
        Optional<ConsoleUser> user = ConsoleSessions.user(request, tenant.id().value());
        boolean read = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
        if (user.isEmpty()) {
            if (read) {
                String query = request.getQueryString();
                String returnTo = ConsolePage.at(path).isPresent() ? path + (query == null ? "" : "?" + query) : ConsolePage.IDENTITIES.path();
                response.sendRedirect(signIn.start(request, returnTo));
            } else {
                ProblemWriter.write(request, response, ApiError.UNAUTHORIZED, "Sign in to the console first");
            }
            return;
        }
        ConsoleUser u = user.get();
        if (!read && !ConsoleSessions.csrfMatches(request, request.getParameter(CSRF_PARAMETER))) {
            deny(request, response, u, path, "csrf token missing or wrong");
            return;
        }
        if (!read && !u.role().mayChange()) {
            deny(request, response, u, path, "role may not change anything");
            return;
        }
        if (!path.equals(SIGN_OUT_PATH) && ConsolePage.at(path).filter(p -> p.opensFor(u)).isEmpty()) {
            deny(request, response, u, path, "page not open to the role");
            return;
        }
        RequestActor.set(request, u.actor());
        request.setAttribute(GUARDED, Boolean.TRUE);
        chain.doFilter(request, response);
    }

    private void deny(HttpServletRequest request, HttpServletResponse response, ConsoleUser user, String path, String reason)
            throws IOException, ServletException {
        events.fire(SecurityEvent.of(SecurityEventType.CONSOLE_ACCESS_DENIED, Outcome.DENIED)
                .actor(user.actor()).subject(user.subject()).detail("path", path).detail("method", request.getMethod())
                .detail("reason", reason));
        if (request.getMethod().equals("GET") || request.getMethod().equals("HEAD")) {
            showDenied(request, response, reason);
        } else {
            ProblemWriter.write(request, response, ApiError.FORBIDDEN, "This console user may not do this");
        }
    }

    /** The 403 page; only for a GET, so Faces renders it rather than restoring another page's view. */
    static void showDenied(HttpServletRequest request, HttpServletResponse response, String reason)
            throws IOException, ServletException {
        request.setAttribute(DENIED_REASON, reason);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        request.getRequestDispatcher(DENIED_PAGE).forward(request, response);
    }
}
