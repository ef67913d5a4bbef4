package dev.gatehouse.oauth2.authorize.ui;

import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.oauth2.OAuth2Error;
import dev.gatehouse.oauth2.authorize.AcrValues;
import dev.gatehouse.oauth2.authorize.AuthorizationFlow;
import dev.gatehouse.oauth2.authorize.AuthorizationRequest;
import dev.gatehouse.oauth2.authorize.BrowserAnswers;
import dev.gatehouse.oauth2.authorize.LoginAcceptance;
import dev.gatehouse.oauth2.authorize.LoginRequests;
import dev.gatehouse.oauth2.authorize.Rejection;
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
import java.util.List;
import java.util.Optional;

/**
 * The built-in login app ({@code /oauth2/ui/login?login_challenge=}). A Gatehouse identity session that
 * satisfies {@code prompt=login} (signed in after the request), {@code max_age} and the requested {@code acr_values}
 * ({@link AcrValues}) is accepted with the identity's id, {@code acr}, {@code amr} and sign-in time. A session
 * below the level the identity service or the client asks for is raised first through the identity service's
 * {@code aal2} login; one whose identity has no second factor cannot meet an {@code aal2} request, which is refused
 * with {@code unmet_authentication_requirements}. Without a fit session the browser goes through the identity
 * service's login flow ({@code refresh=true} when a session exists but is not fresh enough) and comes back here.
 * A skipped login (a remembered login session) is accepted for its subject, with the identity session's
 * {@code acr} and {@code amr} when that session is still there and enough.
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
        Optional<AcrValues.Requested> acr = AcrValues.requested(flow.request().acrValues());
        Optional<IdentitySessions.SignedIn> current = sessions.fromCookie(tenant.id(), request);
        if (flow.loginSkip()) {
            String subject = flow.remembered().orElseThrow().subject();
            Optional<IdentitySessions.SignedIn> same = current.filter(s -> s.subject().equals(subject) && s.assured()
                    && acr.map(r -> r.satisfiedBy(s.aal())).orElse(true));
            if (same.isPresent()) {
                return accept(challenge, same.get(), acr);
            }
            if (acr.isEmpty() || !acr.get().needsSecondFactor()) {
                return BrowserAnswers.redirect(logins.accept(challenge, new LoginAcceptance(subject, true, Duration.ZERO,
                        Optional.empty(), List.of(), "{}", Optional.empty())));
            }
        }
        String back = "/oauth2/ui/login?login_challenge=" + URLEncoder.encode(challenge, StandardCharsets.UTF_8);
        if (current.isPresent() && fresh(current.get(), flow)) {
            IdentitySessions.SignedIn s = current.get();
            boolean requestedAndBelow = acr.map(r -> !r.satisfiedBy(s.aal())).orElse(false);
            if (requestedAndBelow && !s.canRaise()) {
                return BrowserAnswers.redirect(logins.reject(challenge, new Rejection(OAuth2Error.UNMET_AUTHENTICATION_REQUIREMENTS,
                        "The client asked for " + acr.get().value() + ", which needs a second factor, and none is set up.")));
            }
            if (!s.assured() || requestedAndBelow) {
                // signed in, but without the second factor the identity has (or the client asks for): step up first
                return interactive(challenge, flow, "/self-service/login/browser?aal=aal2&return_to=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
            }
            return accept(challenge, s, acr);
        }
        return interactive(challenge, flow, "/self-service/login/browser?" + (current.isPresent() ? "refresh=true&" : "")
                + "return_to=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
    }

    private Response accept(String challenge, IdentitySessions.SignedIn s, Optional<AcrValues.Requested> acr) {
        Duration left = Duration.between(clock.instant(), s.expiresAt());
        return BrowserAnswers.redirect(logins.accept(challenge, new LoginAcceptance(s.subject(), true,
                left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left, Optional.of(AcrValues.acr(acr, s.aal())),
                s.amr(), "{}", Optional.of(new LoginAcceptance.IdentitySession(s.id().toString(), s.authenticatedAt())))));
    }

    /** A page of the identity service to sign in at, unless the client asked for no interaction (prompt=none). */
    private Response interactive(String challenge, AuthorizationFlow flow, String path) {
        if (flow.request().prompts(AuthorizationRequest.Prompt.NONE)) {
            return BrowserAnswers.redirect(logins.reject(challenge, new Rejection(OAuth2Error.LOGIN_REQUIRED,
                    "The user must sign in, but prompt=none was requested.")));
        }
        return BrowserAnswers.redirect(PublicUrls.of(request, path));
    }

    /**
     * Whether the identity session satisfies the request: prompt=login wants a sign-in after the request, max_age one
     * at most that many seconds before it (so {@code max_age=0} is met by the sign-in it asked for, as prompt=login).
     */
    static boolean fresh(IdentitySessions.SignedIn session, AuthorizationFlow flow) {
        AuthorizationRequest r = flow.request();
        Instant authenticated = session.authenticatedAt();
        if (r.prompts(AuthorizationRequest.Prompt.LOGIN) && authenticated.isBefore(flow.requestedAt())) {
            return false;
        }
        return r.maxAge().map(m -> !authenticated.isBefore(flow.requestedAt().minusSeconds(m))).orElse(true);
    }
}
