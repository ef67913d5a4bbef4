package dev.gatehouse.courier.ui;

import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ProblemWriter;
import dev.gatehouse.platform.demo.DemoConfig;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Guards the admin pages under {@code /ui/admin/} (the dev outbox): browsers cannot send the admin API's
 * Bearer header, so these pages exist only in the demo run and only for a browser on this machine
 * ({@link OutboxAccess}); everyone else gets 404, as if there were no such page.
 */
@WebFilter(urlPatterns = "/ui/admin/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class OutboxGuardFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    DemoConfig demo;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean forwarded = request.getHeader("Forwarded") != null || request.getHeader("X-Forwarded-For") != null
                || request.getHeader("X-Real-IP") != null;
        if (OutboxAccess.allowed(demo.enabled(), request.getRemoteAddr(), forwarded)) {
            response.setHeader("Cache-Control", "no-store");
            chain.doFilter(request, response);
            return;
        }
        ProblemWriter.write(request, response, ApiError.NOT_FOUND, "Not found");
    }
}
