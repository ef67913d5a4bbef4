package dev.gatehouse.oauth2.authorize;

import dev.gatehouse.kernel.tenant.TenantId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One authorization request on its way from {@code /oauth2/auth} through login and consent to the code (Hydra's
 * flow). The transitions of {@link FlowState} are methods here, each checking the current state first; a challenge
 * or verifier that does not fit the state is refused, so every one of them works once.
 */
public final class AuthorizationFlow {

    /** The longest request URL a flow keeps (its column's size); longer authorization requests are refused. */
    public static final int MAX_REQUEST_URL = 8192;

    /** What a remembered login session contributes when the login can be skipped. */
    public record Remembered(String subject, String loginSessionId, Instant authTime) {
    }

    private final UUID id;
    private final TenantId tenant;
    private final String requestUrl;
    private final AuthorizationRequest request;
    private final String csrfHash;
    private final String loginChallengeHash;
    private final Optional<Remembered> remembered;
    private final Instant requestedAt;
    private final Instant expiresAt;
    private FlowState state;
    private String loginVerifierHash;
    private String consentChallengeHash;
    private String consentVerifierHash;
    private String loginSessionId;
    private LoginDecision login;
    private boolean consentSkip;
    private ConsentDecision consent;
    private Rejection rejection;

    public AuthorizationFlow(UUID id, TenantId tenant, String requestUrl, AuthorizationRequest request, String csrfHash,
                             String loginChallengeHash, Optional<Remembered> remembered, Instant requestedAt,
                             Instant expiresAt) {
        this.id = Objects.requireNonNull(id);
        this.tenant = Objects.requireNonNull(tenant);
        this.requestUrl = requestUrl;
        this.request = request;
        this.csrfHash = csrfHash;
        this.loginChallengeHash = loginChallengeHash;
        this.remembered = remembered;
        this.requestedAt = requestedAt;
        this.expiresAt = expiresAt;
        this.state = FlowState.LOGIN_REQUESTED;
        this.loginSessionId = remembered.map(Remembered::loginSessionId).orElse(null);
    }

    /** Rebuilds a stored flow; only the repository calls this. */
    public static AuthorizationFlow restore(UUID id, TenantId tenant, String requestUrl, AuthorizationRequest request,
                                            String csrfHash, String loginChallengeHash, Optional<Remembered> remembered,
                                            Instant requestedAt, Instant expiresAt, FlowState state,
                                            String loginVerifierHash, String consentChallengeHash,
                                            String consentVerifierHash, String loginSessionId, LoginDecision login,
                                            boolean consentSkip, ConsentDecision consent, Rejection rejection) {
        AuthorizationFlow f = new AuthorizationFlow(id, tenant, requestUrl, request, csrfHash, loginChallengeHash,
                remembered, requestedAt, expiresAt);
        f.state = state;
        f.loginVerifierHash = loginVerifierHash;
        f.consentChallengeHash = consentChallengeHash;
        f.consentVerifierHash = consentVerifierHash;
        f.loginSessionId = loginSessionId;
        f.login = login;
        f.consentSkip = consentSkip;
        f.consent = consent;
        f.rejection = rejection;
        return f;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public void acceptLogin(LoginDecision decision, String verifierHash) {
        expect(FlowState.LOGIN_REQUESTED);
        this.login = decision;
        this.loginVerifierHash = verifierHash;
        this.state = FlowState.LOGIN_ACCEPTED;
    }

    public void rejectLogin(Rejection why, String verifierHash) {
        expect(FlowState.LOGIN_REQUESTED);
        this.rejection = why;
        this.loginVerifierHash = verifierHash;
        this.state = FlowState.LOGIN_REJECTED;
    }

    /** The login verifier came back: on to consent under the given login session. */
    public void requestConsent(String sessionId, String challengeHash, boolean skip) {
        expect(FlowState.LOGIN_ACCEPTED);
        this.loginSessionId = sessionId;
        this.consentChallengeHash = challengeHash;
        this.consentSkip = skip;
        this.state = FlowState.CONSENT_REQUESTED;
    }

    public void acceptConsent(ConsentDecision decision, String verifierHash) {
        expect(FlowState.CONSENT_REQUESTED);
        this.consent = decision;
        this.consentVerifierHash = verifierHash;
        this.state = FlowState.CONSENT_ACCEPTED;
    }

    public void rejectConsent(Rejection why, String verifierHash) {
        expect(FlowState.CONSENT_REQUESTED);
        this.rejection = why;
        this.consentVerifierHash = verifierHash;
        this.state = FlowState.CONSENT_REJECTED;
    }

    /** A verifier was redeemed: the flow ends, with a code or with the rejection. */
    public void finish() {
        if (state != FlowState.CONSENT_ACCEPTED && state != FlowState.CONSENT_REJECTED && state != FlowState.LOGIN_REJECTED) {
            throw new IllegalStateException("flow " + id + " cannot finish in state " + state);
        }
        this.state = state == FlowState.CONSENT_ACCEPTED ? FlowState.DONE : FlowState.FAILED;
    }

    /** Ends the flow without a code (e.g. prompt=none when consent is needed). */
    public void fail(Rejection why) {
        this.rejection = why;
        this.state = FlowState.FAILED;
    }

    private void expect(FlowState expected) {
        if (state != expected) {
            throw new IllegalStateException("flow " + id + " is " + state + ", not " + expected);
        }
    }

    public UUID id() { return id; }
    public TenantId tenant() { return tenant; }
    public String requestUrl() { return requestUrl; }
    public AuthorizationRequest request() { return request; }
    public String csrfHash() { return csrfHash; }
    public String loginChallengeHash() { return loginChallengeHash; }
    public Optional<Remembered> remembered() { return remembered; }
    public boolean loginSkip() { return remembered.isPresent(); }
    public Instant requestedAt() { return requestedAt; }
    public Instant expiresAt() { return expiresAt; }
    public FlowState state() { return state; }
    public Optional<String> loginVerifierHash() { return Optional.ofNullable(loginVerifierHash); }
    public Optional<String> consentChallengeHash() { return Optional.ofNullable(consentChallengeHash); }
    public Optional<String> consentVerifierHash() { return Optional.ofNullable(consentVerifierHash); }
    public Optional<String> loginSessionId() { return Optional.ofNullable(loginSessionId); }
    public Optional<LoginDecision> login() { return Optional.ofNullable(login); }
    public boolean consentSkip() { return consentSkip; }
    public Optional<ConsentDecision> consent() { return Optional.ofNullable(consent); }
    public Optional<Rejection> rejection() { return Optional.ofNullable(rejection); }
}
