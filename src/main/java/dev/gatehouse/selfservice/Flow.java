package dev.gatehouse.selfservice;

import dev.gatehouse.identity.IdentityId;
import dev.gatehouse.kernel.tenant.TenantId;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A self-service flow in progress. States (Kratos' names):
 * <pre>
 *   login, registration:  choose_method ──submit ok──▶ passed_challenge (spent)
 *                               ▲   │ submit failed: same state, messages on the UI
 *                               └───┘
 *   settings:             show_form ──submit ok──▶ success ──▶ (may be submitted again)
 *   verification, recovery (code or link method):
 *                         choose_method ──email──▶ sent_email ──right code / link opened──▶ passed_challenge (spent)
 *                                                   │  ▲ email again (new code or link, rate-limited), wrong code
 *                                                   └──┘ (max attempts: spent)
 *   recovery started by an admin: a browser flow in sent_email without a browser (csrfHash null) until its
 *   link is first opened in one, which binds it there.
 * </pre>
 * A flow expires at {@code expiresAt}; a spent or expired flow cannot be submitted. The transitions are the
 * methods below ({@link #sentEmail}, {@link #passedChallenge}, {@link #saved}, {@link #refused}); each checks
 * the kind and current state first and throws {@link IllegalFlowTransition} rather than overwrite a state the
 * drawing does not lead from. {@link #showing} changes only the form.
 *
 * @param state     where the flow stands ({@link FlowState#wire()} is its name in JSON and storage)
 * @param csrfHash  browser flows: HMAC of the browser's CSRF secret, binding the flow to that browser
 * @param identity  settings flows and login flows for a second factor: whose
 * @param sessionId settings flows: the session that opened it; login flows for a second factor: the session they raise
 */
public record Flow(UUID id, TenantId tenant, FlowKind kind, Flavor flavor, FlowState state, String requestUrl,
                   String returnTo, String csrfHash, IdentityId identity, UUID sessionId, boolean refresh, Ui ui,
                   Instant issuedAt, Instant expiresAt) {

    /** The longest request URL a flow keeps (its column's size); a flow is not started for a longer one. */
    public static final int MAX_REQUEST_URL = 2048;

    public Flow {
        Objects.requireNonNull(id);
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(flavor);
        Objects.requireNonNull(state);
        Objects.requireNonNull(ui);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean isSpent() {
        return state == FlowState.PASSED_CHALLENGE;
    }

    /**
     * A login flow opened by someone already signed in, to raise their session to {@code aal2} with a second
     * factor (Kratos' {@code ?aal=aal2}): it holds the identity and the session it raises.
     */
    public boolean raisesSession() {
        return kind == FlowKind.LOGIN && sessionId != null;
    }

    /** The assurance level a login flow asks for (Kratos' {@code requested_aal}). */
    public String requestedAal() {
        return raisesSession() ? "aal2" : "aal1";
    }

    /** This server's public base URL as the flow's client saw it (its form posts there). */
    public String actionBase() {
        String action = ui.action();
        int at = action.indexOf("/self-service/");
        return at < 0 ? action : action.substring(0, at);
    }

    /** The same flow bound to the browser whose CSRF secret's HMAC is {@code csrfHash}, showing {@code ui}. */
    public Flow boundTo(String csrfHash, Ui ui) {
        return new Flow(id, tenant, kind, flavor, state, requestUrl, returnTo, csrfHash, identity, sessionId, refresh, ui,
                issuedAt, expiresAt);
    }

    /** The same flow answered as an app's (an admin's recovery flow submitted by an app before any browser opened it). */
    public Flow asApi() {
        return new Flow(id, tenant, kind, Flavor.API, state, requestUrl, returnTo, csrfHash, identity, sessionId, refresh, ui,
                issuedAt, expiresAt);
    }

    /** The same flow, in the same state, showing another form (messages of a refused step, a new CSRF token). */
    public Flow showing(Ui ui) {
        return in(state, ui);
    }

    /**
     * A code or link was sent (again): {@code choose_method} or {@code sent_email} to {@code sent_email}; login,
     * registration, recovery and verification.
     */
    public Flow sentEmail(Ui ui) {
        expect(FlowState.SENT_EMAIL, EnumSet.of(FlowKind.LOGIN, FlowKind.REGISTRATION, FlowKind.RECOVERY, FlowKind.VERIFICATION),
                FlowState.CHOOSE_METHOD, FlowState.SENT_EMAIL);
        return in(FlowState.SENT_EMAIL, ui);
    }

    /**
     * The flow did its job: {@code choose_method} or {@code sent_email} to {@code passed_challenge}, after which
     * it cannot be submitted; every flow but settings.
     */
    public Flow passedChallenge(Ui ui) {
        expect(FlowState.PASSED_CHALLENGE, EnumSet.complementOf(EnumSet.of(FlowKind.SETTINGS)),
                FlowState.CHOOSE_METHOD, FlowState.SENT_EMAIL);
        return in(FlowState.PASSED_CHALLENGE, ui);
    }

    /** Settings saved: {@code show_form} or {@code success} to {@code success}. */
    public Flow saved(Ui ui) {
        expect(FlowState.SUCCESS, EnumSet.of(FlowKind.SETTINGS), FlowState.SHOW_FORM, FlowState.SUCCESS);
        return in(FlowState.SUCCESS, ui);
    }

    /** Settings change refused: {@code show_form} or {@code success} back to {@code show_form}, with the messages. */
    public Flow refused(Ui ui) {
        expect(FlowState.SHOW_FORM, EnumSet.of(FlowKind.SETTINGS), FlowState.SHOW_FORM, FlowState.SUCCESS);
        return in(FlowState.SHOW_FORM, ui);
    }

    private void expect(FlowState to, Set<FlowKind> kinds, FlowState... from) {
        if (!kinds.contains(kind) || !Arrays.asList(from).contains(state)) {
            throw new IllegalFlowTransition(this, to);
        }
    }

    private Flow in(FlowState next, Ui ui) {
        return new Flow(id, tenant, kind, flavor, next, requestUrl, returnTo, csrfHash, identity, sessionId, refresh, ui,
                issuedAt, expiresAt);
    }
}
