package dev.gatehouse.it.oauth2.client;

import dev.gatehouse.oauth2.Issuer;
import dev.gatehouse.oauth2.OAuth2Exception;
import dev.gatehouse.oauth2.OAuth2ExceptionMapper;
import dev.gatehouse.oauth2.client.ClientAuthenticationRequest;
import dev.gatehouse.oauth2.client.ClientAuthenticator;
import dev.gatehouse.oauth2.client.ClientLookup;
import dev.gatehouse.oauth2.client.OAuth2Client;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MultivaluedHashMap;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Only in the client tests' deployment: a stand-in for the token endpoint (which another part of the work builds)
 * that authenticates the client of a form POST through the real {@link ClientAuthenticator}, behind the real
 * tenant filter, and answers the client id or the OAuth 2.0 error. GET {@code ?client_id=} looks a client up
 * through {@link ClientLookup}; GET {@code /issuer} tells what the assertion audience may be.
 */
@WebServlet("/it-client-auth/*")
public class ClientAuthTestServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    ClientAuthenticator authenticator;
    @Inject
    ClientLookup lookup;
    @Inject
    Issuer issuer;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain");
        if ("/issuer".equals(req.getPathInfo())) {
            resp.getWriter().write(issuer.of(req));
            return;
        }
        Optional<OAuth2Client> found = lookup.find(req.getParameter("client_id"));
        resp.setStatus(found.isPresent() ? 200 : 404);
        resp.getWriter().write(found.map(OAuth2Client::clientId).orElse(""));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        req.getParameterMap().forEach((k, v) -> form.put(k, Arrays.asList(v)));
        resp.setContentType("application/json");
        try {
            OAuth2Client client = authenticator.authenticate(new ClientAuthenticationRequest(
                    Optional.ofNullable(req.getHeader("Authorization")), form, issuer.url(req, "/oauth2/token")));
            resp.getWriter().write(Json.createObjectBuilder().add("client_id", client.clientId()).build().toString());
        } catch (OAuth2Exception e) {
            resp.setStatus(OAuth2ExceptionMapper.status(e.error()));
            if (e.basicChallenge()) {
                resp.setHeader("WWW-Authenticate", "Basic realm=\"gatehouse\"");
            }
            resp.getWriter().write(Json.createObjectBuilder().add("error", e.error().code())
                    .add("error_description", e.description()).build().toString());
        }
    }
}
