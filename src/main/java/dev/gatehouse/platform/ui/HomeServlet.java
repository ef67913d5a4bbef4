package dev.gatehouse.platform.ui;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Serves the Faces home page at {@code /} itself. The empty-string mapping matches exactly the context
 * root, so it wins over the JAX-RS application's {@code /*} without taking anything else from it.
 */
@WebServlet(name = "home", urlPatterns = "")
public class HomeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        request.getRequestDispatcher("/ui/home.xhtml").forward(request, response);
    }
}
