package dev.gatehouse.admin.console;

import dev.gatehouse.platform.http.PublicUrls;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Signs the console user of this tenant out (a POST carrying the CSRF token, checked by {@link ConsoleGuardFilter})
 * and shows the home page. The Gatehouse session stays, as it does when any relying party signs its user out.
 */
@WebServlet(urlPatterns = ConsoleGuardFilter.SIGN_OUT_PATH)
public class ConsoleSignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    ConsoleSignIn signIn;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        signIn.signOut(request);
        response.sendRedirect(PublicUrls.of(request, "/"));
    }
}
