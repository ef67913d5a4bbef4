package dev.gatehouse.oauth2.authorize;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.gatehouse.jwk.JwtSigning;
import dev.gatehouse.jwk.KeySetName;
import dev.gatehouse.kernel.Ids;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.oauth2.OAuth2Error;
import dev.gatehouse.oauth2.authorize.Challenges.Kind;
import dev.gatehouse.oauth2.client.ClientLookup;
import dev.gatehouse.oauth2.client.OAuth2Client;
import dev.gatehouse.platform.db.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0) through Hydra's logout challenge: the request is
 * checked ({@code id_token_hint} signed by us, {@code post_logout_redirect_uri} registered for its client, else an
 * error page), the logout app accepts or rejects, and the verifier, back from the same browser, ends the login
 * session and the identity session behind it.
 */
@ApplicationScoped
public class LogoutRequests {

    static final String BUILT_IN_LOGOUT = "/oauth2/ui/logout";

    /** What the RP asked for. */
    public record Asked(Optional<String> idTokenHint, Optional<String> clientId, Optional<String> postLogoutRedirectUri,
                        Optional<String> state) {
    }

    /** A pending logout request. */
    public record Pending(LogoutRequest request, Optional<OAuth2Client> client, String challenge) {
    }

    /** A finished logout: where the browser goes, and whom to tell by back-channel. */
    public record Finished(String location, Optional<String> subject, Optional<String> sessionId,
                           List<OAuth2Client> backchannel) {
    }

    @Inject
    LogoutRequestRepository requests;
    @Inject
    Challenges challenges;
    @Inject
    OAuth2Cookies cookies;
    @Inject
    LoginSessions loginSessions;
    @Inject
    LoginSessionRevocation revocation;
    @Inject
    ClientLookup clients;
    @Inject
    JwtSigning jwt;
    @Inject
    Transactions transactions;
    @Inject
    AuthorizeConfig config;
    @Inject
    SecurityEvents events;
    @Inject
    CurrentTenant tenant;
    @Inject
    Clock clock;

    /** The id_token_hint is checked before the transaction: checking may read the signing keys, in one of its own. */
    public BrowserStep start(Asked asked, String requestUrl, Browser browser) {
        Optional<JWTClaimsSet> hint = asked.idTokenHint().flatMap(h -> jwt.verify(KeySetName.ID_TOKEN, h))
                .filter(c -> browser.issuer().equals(c.getIssuer()));
        return transactions.call(() -> start(asked, hint, requestUrl, browser));
    }

    private BrowserStep start(Asked asked, Optional<JWTClaimsSet> hint, String requestUrl, Browser browser) {
        if (asked.idTokenHint().isPresent() && hint.isEmpty()) {
            return page("The id_token_hint is not a valid ID token of this server.");
        }
        List<String> audience = hint.map(JWTClaimsSet::getAudience).orElse(List.of());
        if (asked.clientId().isPresent() && hint.isPresent() && !audience.contains(asked.clientId().get())) {
            return page("The client_id is not an audience of the id_token_hint.");
        }
        Optional<String> clientId = asked.clientId().or(() -> audience.stream().findFirst());
        Optional<OAuth2Client> client = clientId.flatMap(clients::find);
        if (asked.postLogoutRedirectUri().isPresent()
                && !client.map(c -> c.allowsPostLogoutRedirectUri(asked.postLogoutRedirectUri().get())).orElse(false)) {
            return page("The post_logout_redirect_uri is not registered for the client.");
        }
        Optional<LoginSession> session = loginSessions.remembered(tenant.id(), browser);
        Optional<String> hintSubject = hint.map(JWTClaimsSet::getSubject);
        if (session.isPresent() && hintSubject.isPresent() && !hintSubject.get().equals(session.get().subject())) {
            return page("The id_token_hint was issued to another user than the one signed in.");
        }
        // only this browser's own session is ended: an id_token_hint without it (anyone who holds someone's ID
        // token) must not end that user's sessions elsewhere
        Optional<String> subject = session.map(LoginSession::subject);
        Optional<String> sid = session.map(s -> s.id().toString());
        String destination = destination(asked.postLogoutRedirectUri(), asked.state(), browser);
        if (subject.isEmpty()) {
            return new BrowserStep.Go(destination, List.of());
        }
        OAuth2Cookies.Csrf csrf = cookies.csrf(browser);
        String challenge = challenges.create();
        requests.insert(new LogoutRequest(Ids.uuid(), tenant.id(), challenges.hash(Kind.LOGOUT_CHALLENGE, challenge),
                Optional.empty(), cookies.csrfHash(csrf.secret()), LogoutRequest.Status.REQUESTED, subject, sid, clientId,
                asked.idTokenHint().isPresent() || asked.clientId().isPresent(), hint.isPresent(),
                asked.postLogoutRedirectUri(), asked.state(), requestUrl, clock.instant().plus(config.challengeLifespan())));
        String app = config.logoutUrl().orElse(browser.issuer() + BUILT_IN_LOGOUT);
        return new BrowserStep.Go(AuthorizationResponses.withParameter(app, "logout_challenge", challenge),
                csrf.cookie().stream().toList());
    }

    @Transactional
    public Pending get(String challenge) {
        LogoutRequest r = pending(challenge);
        return new Pending(r, r.clientId().flatMap(clients::find), challenge);
    }

    /** @return where the logout app sends the browser next ({@code redirect_to}) */
    @Transactional
    public String accept(String challenge) {
        LogoutRequest r = pending(challenge);
        String verifier = challenges.create();
        requests.update(r.moveTo(LogoutRequest.Status.ACCEPTED, Optional.of(challenges.hash(Kind.LOGOUT_VERIFIER, verifier))));
        String endpoint = r.requestUrl().contains("?") ? r.requestUrl().substring(0, r.requestUrl().indexOf('?')) : r.requestUrl();
        return AuthorizationResponses.withParameter(endpoint, "logout_verifier", verifier);
    }

    @Transactional
    public void reject(String challenge) {
        LogoutRequest r = pending(challenge);
        requests.update(r.moveTo(LogoutRequest.Status.REJECTED, Optional.empty()));
        events.fire(SecurityEvent.of(SecurityEventType.OAUTH2_LOGOUT, Outcome.DENIED).subject(r.subject().orElse(null))
                .client(r.clientId().orElse(null)).detail("reason", "rejected by the logout app"));
    }

    /** The verifier came back: end the login session and its identity session, once, in the browser that asked. */
    @Transactional
    public Optional<Finished> finish(String verifier, Browser browser) {
        Optional<LogoutRequest> found = challenges.presented(Kind.LOGOUT_VERIFIER, verifier)
                .flatMap(h -> requests.findByVerifier(tenant.id(), h))
                .filter(r -> r.status() == LogoutRequest.Status.ACCEPTED && !r.isExpiredAt(clock.instant()))
                .filter(r -> cookies.csrfMatches(browser, r.csrfHash()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        LogoutRequest r = found.get();
        requests.update(r.moveTo(LogoutRequest.Status.DONE, Optional.empty()));
        List<OAuth2Client> backchannel = r.loginSessionId()
                .map(sid -> revocation.bySid(sid, r.subject().orElse("oauth2 logout")))
                .orElse(List.of()).stream().flatMap(e -> e.backchannel().stream()).toList();
        events.fire(SecurityEvent.of(SecurityEventType.OAUTH2_LOGOUT, Outcome.SUCCESS).subject(r.subject().orElse(null))
                .client(r.clientId().orElse(null)).detail("sid", r.loginSessionId().orElse(null))
                .detail("backchannel_clients", backchannel.size()));
        return Optional.of(new Finished(destination(r.postLogoutRedirectUri(), r.state(), browser), r.subject(),
                r.loginSessionId(), backchannel));
    }

    private String destination(Optional<String> postLogout, Optional<String> state, Browser browser) {
        if (postLogout.isPresent()) {
            return state.map(s -> AuthorizationResponses.withParameter(postLogout.get(), "state", s)).orElse(postLogout.get());
        }
        String fallback = config.postLogoutUrl();
        return fallback.startsWith("/") ? browser.issuer() + fallback : fallback;
    }

    private LogoutRequest pending(String challenge) {
        LogoutRequest r = challenges.presented(Kind.LOGOUT_CHALLENGE, challenge)
                .flatMap(h -> requests.findByChallenge(tenant.id(), h))
                .filter(x -> !x.isExpiredAt(clock.instant()))
                .orElseThrow(() -> ApiException.notFound("No logout request with this challenge, or it has expired"));
        if (r.status() != LogoutRequest.Status.REQUESTED) {
            throw ApiException.conflict("The logout request has already been handled");
        }
        return r;
    }

    private static BrowserStep page(String description) {
        return new BrowserStep.ErrorPage(OAuth2Error.INVALID_REQUEST, description);
    }
}
