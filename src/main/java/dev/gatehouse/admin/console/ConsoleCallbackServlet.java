package dev.gatehouse.admin.console;

import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ProblemWriter;
import dev.gatehouse.platform.http.PublicUrls;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** The console's redirect URI: finishes the sign-in and sends the user on to the page it first asked for. */
@WebServlet(urlPatterns = ConsoleSignIn.CALLBACK)
public class ConsoleCallbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    ConsoleSignIn signIn;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        ConsoleSignIn.Result result = signIn.finish(request, request.getParameter("code"), request.getParameter("state"),
                request.getParameter("error"));
        if (result instanceof ConsoleSignIn.SignedIn s) {
            response.sendRedirect(PublicUrls.of(request, s.returnTo()));
        } else if (((ConsoleSignIn.Refused) result).noRole()) {
            ConsoleGuardFilter.showDenied(request, response, ((ConsoleSignIn.Refused) result).reason());
        } else {
            ProblemWriter.write(request, response, ApiError.MALFORMED_REQUEST,
                    "The console sign-in did not complete; open the console again");
        }
    }
}
