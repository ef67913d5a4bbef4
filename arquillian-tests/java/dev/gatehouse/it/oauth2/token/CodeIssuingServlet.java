package dev.gatehouse.it.oauth2.token;

import dev.gatehouse.oauth2.token.AuthorizationCodes;
import dev.gatehouse.oauth2.token.AuthorizationGrant;
import dev.gatehouse.oauth2.token.Scopes;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Only in the token tests' deployment: stands in for the authorization endpoint after login and consent,
 * handing the grant to the real {@link AuthorizationCodes} and answering with the code it issued.
 */
@WebServlet("/it-oauth2/code")
public class CodeIssuingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    AuthorizationCodes codes;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Instant now = Instant.now();
        AuthorizationGrant grant = new AuthorizationGrant(req.getParameter("client_id"), req.getParameter("subject"),
                Scopes.parse(req.getParameter("scope")), Scopes.parse(req.getParameter("audience")),
                optional(req, "redirect_uri"), optional(req, "code_challenge"), optional(req, "nonce"),
                Instant.ofEpochSecond(Long.parseLong(req.getParameter("auth_time"))), optional(req, "acr"),
                optional(req, "amr").map(a -> Arrays.asList(a.split(","))).orElse(List.of()), optional(req, "sid"),
                "consent-" + now.toEpochMilli(), req.getParameter("id_token_claims"),
                req.getParameter("access_token_claims"), now);
        resp.setContentType("text/plain");
        resp.getWriter().write(codes.issue(grant));
    }

    private static Optional<String> optional(HttpServletRequest req, String name) {
        return Optional.ofNullable(req.getParameter(name)).filter(v -> !v.isEmpty());
    }
}
