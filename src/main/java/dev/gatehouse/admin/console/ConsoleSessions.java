package dev.gatehouse.admin.console;

import dev.gatehouse.kernel.Ids;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * What the console keeps in the HTTP session, each per tenant (one browser may hold the consoles of several
 * tenants, and being signed in to one says nothing about another): the signed-in {@link ConsoleUser}, the sign-in
 * under way ({@code state}, {@code nonce} and the PKCE verifier, which never leave the server), and the session's
 * CSRF token that every console form carries.
 */
public final class ConsoleSessions {

    private static final String USER = "gatehouse.consoleUser.";
    private static final String PENDING = "gatehouse.consolePending.";
    private static final String CSRF = "gatehouse.consoleCsrf";

    /** A sign-in sent to the authorize endpoint and not back yet; {@code returnTo} is a console path. */
    public record Pending(String state, String nonce, String verifier, String returnTo) implements Serializable {
    }

    private ConsoleSessions() {
    }

    public static Optional<ConsoleUser> user(HttpServletRequest request, String tenant) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty()
                : Optional.ofNullable(session.getAttribute(USER + tenant)).map(ConsoleUser.class::cast);
    }

    /** Signs the user in: a new session id first, so an id planted before sign-in is worth nothing after it. */
    static void signIn(HttpServletRequest request, ConsoleUser user) {
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(USER + user.tenant(), user);
    }

    static Optional<ConsoleUser> signOut(HttpServletRequest request, String tenant) {
        Optional<ConsoleUser> user = user(request, tenant);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(USER + tenant);
        }
        return user;
    }

    static void begin(HttpServletRequest request, String tenant, Pending pending) {
        request.getSession(true).setAttribute(PENDING + tenant, pending);
    }

    /** The sign-in under way, taken out of the session: a {@code state} is good for one callback only. */
    static Optional<Pending> take(HttpServletRequest request, String tenant) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Object pending = session.getAttribute(PENDING + tenant);
        session.removeAttribute(PENDING + tenant);
        return Optional.ofNullable(pending).map(Pending.class::cast);
    }

    /** The session's CSRF token, made on first use. */
    public static String csrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        Object token = session.getAttribute(CSRF);
        if (token == null) {
            token = Ids.token();
            session.setAttribute(CSRF, token);
        }
        return token.toString();
    }

    /** Whether {@code presented} is this session's CSRF token (compared in constant time). */
    static boolean csrfMatches(HttpServletRequest request, String presented) {
        HttpSession session = request.getSession(false);
        Object token = session == null ? null : session.getAttribute(CSRF);
        return token != null && presented != null
                && MessageDigest.isEqual(token.toString().getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
