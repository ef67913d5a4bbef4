package dev.gatehouse.it.gateway;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The "legacy application" of {@link OtherAppFilterIT}, deployed as its own WAR on the test Liberty: it trusts
 * {@code X-User} and says what it saw, so the test can tell whether a request reached it and as whom.
 */
public class LegacyAppServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write("legacy-app reached by " + request.getMethod() + " as " + request.getHeader("X-User"));
    }
}
