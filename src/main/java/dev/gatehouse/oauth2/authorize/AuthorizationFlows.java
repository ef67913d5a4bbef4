package dev.gatehouse.oauth2.authorize;

import dev.gatehouse.kernel.Ids;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.oauth2.OAuth2Error;
import dev.gatehouse.oauth2.authorize.AuthorizationFlowRepository.By;
import dev.gatehouse.oauth2.authorize.AuthorizationRequest.Prompt;
import dev.gatehouse.oauth2.authorize.Challenges.Kind;
import dev.gatehouse.oauth2.client.ClientLookup;
import dev.gatehouse.oauth2.client.OAuth2Client;
import dev.gatehouse.oauth2.consent.ConsentSession;
import dev.gatehouse.oauth2.consent.ConsentSessions;
import dev.gatehouse.oauth2.token.AuthorizationCodes;
import dev.gatehouse.oauth2.token.AuthorizationGrant;
import dev.gatehouse.oauth2.token.UserClaims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.NewCookie;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The browser's side of an authorization request: a valid request becomes a login challenge; the login verifier,
 * back from the same browser, becomes a consent challenge; the consent verifier becomes the code. Verifiers are
 * checked against the CSRF cookie set when the request arrived, so one replayed from another browser fails.
 */
@ApplicationScoped
public class AuthorizationFlows {

    static final String BUILT_IN_LOGIN = "/oauth2/ui/login";
    static final String BUILT_IN_CONSENT = "/oauth2/ui/consent";

    @Inject
    AuthorizationFlowRepository flows;
    @Inject
    Challenges challenges;
    @Inject
    OAuth2Cookies cookies;
    @Inject
    LoginSessions loginSessions;
    @Inject
    ConsentSessions consents;
    @Inject
    ClientLookup clients;
    @Inject
    AuthorizationCodes codes;
    @Inject
    AuthorizeConfig config;
    @Inject
    SecurityEvents events;
    @Inject
    CurrentTenant tenant;
    @Inject
    Clock clock;
    @Inject
    UserClaims userClaims;

    /** A valid authorization request: on to the login app, unless prompt=none cannot be honoured. */
    @Transactional
    public BrowserStep start(AuthorizationRequest request, String requestUrl, Browser browser) {
        Instant now = clock.instant();
        Optional<LoginSession> session = request.prompts(Prompt.LOGIN) ? Optional.empty()
                : loginSessions.remembered(tenant.id(), browser)
                .filter(s -> request.maxAge().map(m -> !s.authenticatedAt().plusSeconds(m).isBefore(now)).orElse(true))
                .filter(s -> request.idTokenHintSubject().map(s.subject()::equals).orElse(true));
        if (request.prompts(Prompt.NONE) && session.isEmpty()) {
            return failed(request, OAuth2Error.LOGIN_REQUIRED, "The user must sign in, but prompt=none was requested.", List.of(),
                    browser);
        }
        OAuth2Cookies.Csrf csrf = cookies.csrf(browser);
        String challenge = challenges.create();
        AuthorizationFlow flow = new AuthorizationFlow(Ids.uuid(), tenant.id(), requestUrl, request,
                cookies.csrfHash(csrf.secret()), challenges.hash(Kind.LOGIN_CHALLENGE, challenge),
                session.map(s -> new AuthorizationFlow.Remembered(s.subject(), s.id().toString(), s.authenticatedAt())),
                now, now.plus(config.challengeLifespan()));
        flows.insert(flow);
        String login = config.loginUrl().orElse(browser.issuer() + BUILT_IN_LOGIN);
        return new BrowserStep.Go(AuthorizationResponses.withParameter(login, "login_challenge", challenge),
                csrf.cookie().stream().toList());
    }

    /** The login app accepted or rejected and sent the browser back with the login verifier. */
    @Transactional
    public BrowserStep afterLogin(String verifier, Browser browser) {
        Optional<AuthorizationFlow> found = redeemable(By.LOGIN_VERIFIER, Kind.LOGIN_VERIFIER, verifier, browser,
                Set.of(FlowState.LOGIN_ACCEPTED, FlowState.LOGIN_REJECTED));
        if (found.isEmpty()) {
            return invalidVerifier();
        }
        AuthorizationFlow flow = found.get();
        AuthorizationRequest request = flow.request();
        if (flow.state() == FlowState.LOGIN_REJECTED) {
            return rejected(flow, browser);
        }
        LoginDecision login = flow.login().orElseThrow();
        if (request.idTokenHintSubject().filter(s -> !s.equals(login.subject())).isPresent()) {
            return fail(flow, OAuth2Error.LOGIN_REQUIRED, "The signed-in user is not the one the id_token_hint names.", List.of(),
                    browser);
        }
        List<NewCookie> set = new ArrayList<>();
        String sessionId;
        if (flow.loginSkip()) {
            sessionId = flow.loginSessionId().orElseThrow();
        } else {
            LoginSessions.Started started = loginSessions.start(tenant.id(), login, browser);
            sessionId = started.session().id().toString();
            set.add(started.cookie());
        }
        Optional<OAuth2Client> client = clients.find(request.clientId());
        if (client.isEmpty()) {
            return new BrowserStep.ErrorPage(OAuth2Error.INVALID_CLIENT, "The client is not known.");
        }
        boolean firstParty = client.get().skipConsent() && !request.prompts(Prompt.CONSENT);
        boolean skip = firstParty || !request.prompts(Prompt.CONSENT)
                && consents.remembered(tenant.id(), login.subject(), request.clientId(), request.scope(), request.audience());
        if (!skip && request.prompts(Prompt.NONE)) {
            return fail(flow, OAuth2Error.CONSENT_REQUIRED, "The user must consent, but prompt=none was requested.", set, browser);
        }
        String challenge = challenges.create();
        flow.requestConsent(sessionId, challenges.hash(Kind.CONSENT_CHALLENGE, challenge), skip);
        if (firstParty) {
            // Hydra's skip_consent: the client is trusted with what it asked for, no consent app involved; with the
            // built-in consent app the token still gets the identity claims that app would have granted (roles)
            String accessTokenClaims = config.consentUrl().isPresent() ? "{}" : userClaims.accessTokenClaims(tenant.id(), login.subject());
            flow.acceptConsent(new ConsentDecision(request.scope(), request.audience(), false, Duration.ZERO, "{}", accessTokenClaims),
                    challenges.hash(Kind.CONSENT_VERIFIER, challenges.create()));
            return issue(flow, browser, set);
        }
        flows.update(flow);
        String consent = config.consentUrl().orElse(browser.issuer() + BUILT_IN_CONSENT);
        return new BrowserStep.Go(AuthorizationResponses.withParameter(consent, "consent_challenge", challenge), set);
    }

    /** The consent app accepted or rejected and sent the browser back with the consent verifier. */
    @Transactional
    public BrowserStep afterConsent(String verifier, Browser browser) {
        Optional<AuthorizationFlow> found = redeemable(By.CONSENT_VERIFIER, Kind.CONSENT_VERIFIER, verifier, browser,
                Set.of(FlowState.CONSENT_ACCEPTED, FlowState.CONSENT_REJECTED));
        if (found.isEmpty()) {
            return invalidVerifier();
        }
        AuthorizationFlow flow = found.get();
        return flow.state() == FlowState.CONSENT_REJECTED ? rejected(flow, browser) : issue(flow, browser, List.of());
    }

    private Optional<AuthorizationFlow> redeemable(By by, Kind kind, String verifier, Browser browser, Set<FlowState> states) {
        Instant now = clock.instant();
        return challenges.presented(kind, verifier)
                .flatMap(h -> flows.findForUpdate(tenant.id(), by, h))
                .filter(f -> states.contains(f.state()) && !f.isExpiredAt(now))
                .filter(f -> cookies.csrfMatches(browser, f.csrfHash()));
    }

    private BrowserStep invalidVerifier() {
        events.fire(SecurityEvent.of(SecurityEventType.OAUTH2_AUTHORIZATION_FAILED, Outcome.DENIED)
                .detail("reason", "unknown, used, expired or foreign verifier"));
        return new BrowserStep.ErrorPage(OAuth2Error.INVALID_REQUEST,
                "This sign-in cannot go on: the link was already used, has expired or was opened in another browser.");
    }

    private BrowserStep issue(AuthorizationFlow flow, Browser browser, List<NewCookie> set) {
        Instant now = clock.instant();
        AuthorizationRequest request = flow.request();
        LoginDecision login = flow.login().orElseThrow();
        ConsentDecision consent = flow.consent().orElseThrow();
        consents.record(new ConsentSession(flow.id(), tenant.id(), login.subject(), request.clientId(),
                flow.loginSessionId(), request.scope(), request.audience(), consent.grantScope(), consent.grantAudience(),
                consent.remember(), consent.rememberFor(), consent.idTokenClaims(), consent.accessTokenClaims(),
                flow.requestUrl(), now,
                consent.remember() && !consent.rememberFor().isZero() ? Optional.of(now.plus(consent.rememberFor())) : Optional.empty(),
                true));
        flow.finish();
        flows.update(flow);
        String code = codes.issue(new AuthorizationGrant(request.clientId(), login.subject(), Set.copyOf(consent.grantScope()),
                Set.copyOf(consent.grantAudience()),
                request.redirectUriGiven() ? Optional.of(request.redirectUri()) : Optional.empty(), request.codeChallenge(), request.nonce(),
                login.authTime(), login.acr(), login.amr(), flow.loginSessionId(), flow.id().toString(),
                consent.idTokenClaims(), consent.accessTokenClaims(), flow.requestedAt()));
        return new BrowserStep.Go(AuthorizationResponses.success(request, code, String.join(" ", consent.grantScope()),
                browser.issuer()), set);
    }

    private BrowserStep rejected(AuthorizationFlow flow, Browser browser) {
        flow.finish();
        flows.update(flow);
        Rejection why = flow.rejection().orElseThrow();
        return failed(flow.request(), why.error(), why.description(), List.of(), browser);
    }

    private BrowserStep fail(AuthorizationFlow flow, OAuth2Error error, String description, List<NewCookie> set,
                             Browser browser) {
        flow.fail(new Rejection(error, description));
        flows.update(flow);
        return failed(flow.request(), error, description, set, browser);
    }

    private BrowserStep failed(AuthorizationRequest request, OAuth2Error error, String description, List<NewCookie> set,
                               Browser browser) {
        events.fire(SecurityEvent.of(SecurityEventType.OAUTH2_AUTHORIZATION_FAILED, Outcome.FAILURE)
                .client(request.clientId()).detail("error", error.code()));
        return new BrowserStep.Go(AuthorizationResponses.error(request.redirectUri(), error, description, request.state(),
                browser.issuer()), set);
    }
}
