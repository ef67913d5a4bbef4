package dev.gatehouse.oauth2.authorize.ui;

import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.oauth2.authorize.AuthorizationFlow;
import dev.gatehouse.oauth2.authorize.AuthorizationRequest;
import dev.gatehouse.oauth2.authorize.BrowserAnswers;
import dev.gatehouse.oauth2.authorize.LoginAcceptance;
import dev.gatehouse.oauth2.authorize.LoginRequests;
import dev.gatehouse.oauth2.port.IdentitySessions;
import dev.gatehouse.platform.http.PublicUrls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The built-in login app ({@code /oauth2/ui/login?login_challenge=}). A skipped login is accepted for its subject;
 * a Gatehouse identity session that satisfies {@code prompt=login} (signed in after the request) and
 * {@code max_age} is accepted with the identity's id and the session's methods; otherwise the browser goes
 * through the identity service's login flow ({@code refresh=true} when a session exists but is not fresh
 * enough) and comes back here.
 */
@Path("oauth2/ui/login")
@RequestScoped
public class BuiltInLoginResource {

    @Inject
    LoginRequests logins;
    @Inject
    IdentitySessions sessions;
    @Inject
    CurrentTenant tenant;
    @Inject
    Clock clock;
    @Context
    HttpServletRequest request;

    @GET
    public Response login(@QueryParam("login_challenge") String challenge) {
        LoginRequests.Pending pending = logins.get(challenge);
        AuthorizationFlow flow = pending.flow();
        if (flow.loginSkip()) {
            String subject = flow.remembered().orElseThrow().subject();
            return BrowserAnswers.redirect(logins.accept(challenge, new LoginAcceptance(subject, true, Duration.ZERO, Optional.empty(),
                    java.util.List.of(), "{}", Optional.empty())));
        }
        Optional<IdentitySessions.SignedIn> current = sessions.fromCookie(tenant.id(), request);
        String back = "/oauth2/ui/login?login_challenge=" + URLEncoder.encode(challenge, StandardCharsets.UTF_8);
        if (current.isPresent() && !current.get().assured()) {
            // signed in, but without the second factor the identity has: step up first, then come back
            return BrowserAnswers.redirect(PublicUrls.of(request, "/self-service/login/browser?aal=aal2&return_to="
                    + URLEncoder.encode(back, StandardCharsets.UTF_8)));
        }
        if (current.isPresent() && fresh(current.get(), flow)) {
            IdentitySessions.SignedIn s = current.get();
            Duration left = Duration.between(clock.instant(), s.expiresAt());
            return BrowserAnswers.redirect(logins.accept(challenge, new LoginAcceptance(s.subject(), true,
                    left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left, Optional.of(s.aal()),
                    s.methods().stream().distinct().toList(), "{}",
                    Optional.of(new LoginAcceptance.IdentitySession(s.id().toString(), s.authenticatedAt())))));
        }
        return BrowserAnswers.redirect(PublicUrls.of(request, "/self-service/login/browser?" + (current.isPresent() ? "refresh=true&" : "")
                + "return_to=" + URLEncoder.encode(back, StandardCharsets.UTF_8)));
    }

    /** Whether the identity session satisfies the request: prompt=login wants a sign-in after it, max_age a recent one. */
    static boolean fresh(IdentitySessions.SignedIn session, AuthorizationFlow flow) {
        AuthorizationRequest r = flow.request();
        Instant authenticated = session.authenticatedAt();
        if (r.prompts(AuthorizationRequest.Prompt.LOGIN) && authenticated.isBefore(flow.requestedAt())) {
            return false;
        }
        return r.maxAge().map(m -> !authenticated.plusSeconds(m).isBefore(Instant.now())).orElse(true);
    }
}
