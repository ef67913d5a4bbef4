package dev.gatehouse.admin.console.clients;

import dev.gatehouse.admin.console.ConsoleMessages;
import dev.gatehouse.oauth2.consent.ConsentRevocation;
import dev.gatehouse.oauth2.consent.ConsentSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.util.List;
import java.util.Optional;

/**
 * A subject's consent sessions on the clients page ({@code ?subject=}), as
 * {@code GET /admin/oauth2/auth/sessions/consent} lists them, and their revocation for one client or all, with their
 * tokens, through {@link ConsentRevocation} with the console user as actor. The subject travels in each form
 * ({@code id}).
 */
@Named
@RequestScoped
public class ConsentsView {

    private static final int MAX_SUBJECT = 255;

    @Inject
    ConsentRevocation consents;

    private List<ConsentSession> sessions;

    /** The subject asked about, else empty. */
    public String getSubject() {
        return subject().orElse("");
    }

    /** The subject's consents that are still in force; none without a subject. */
    public List<ConsentSession> getSessions() {
        if (sessions == null) {
            sessions = subject().map(consents::list).orElse(List.of());
        }
        return sessions;
    }

    public String scopes(ConsentSession session) {
        return String.join(" ", session.grantedScope());
    }

    /** Revokes the subject's consent to the form's {@code client}. */
    public String revoke() {
        String client = request().getParameter("client");
        if (client != null && !client.isEmpty()) {
            revoke(Optional.of(client));
        }
        return null;
    }

    /** Revokes the subject's consent to every client. */
    public String revokeAll() {
        revoke(Optional.empty());
        return null;
    }

    private void revoke(Optional<String> client) {
        subject().ifPresent(s -> {
            consents.revoke(s, client, ConsoleMessages.actor());
            sessions = null;
            ConsoleMessages.info("console.consents.revoked");
        });
    }

    private static Optional<String> subject() {
        String subject = Optional.ofNullable(request().getParameter("subject")).orElse(request().getParameter("id"));
        return Optional.ofNullable(subject).map(String::trim).filter(s -> !s.isEmpty() && s.length() <= MAX_SUBJECT);
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }
}
