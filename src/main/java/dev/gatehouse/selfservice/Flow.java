package dev.gatehouse.selfservice;

import dev.gatehouse.identity.IdentityId;
import dev.gatehouse.kernel.tenant.TenantId;

import java.time.Instant;
import java.util.Objects;
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
 * A flow expires at {@code expiresAt}; a spent or expired flow cannot be submitted.
 *
 * @param csrfHash  browser flows: HMAC of the browser's CSRF secret, binding the flow to that browser
 * @param identity  settings flows: whose settings
 * @param sessionId settings flows: the session that opened it
 */
public record Flow(UUID id, TenantId tenant, FlowKind kind, Flavor flavor, String state, String requestUrl,
                   String returnTo, String csrfHash, IdentityId identity, UUID sessionId, boolean refresh, Ui ui,
                   Instant issuedAt, Instant expiresAt) {

    public static final String CHOOSE_METHOD = "choose_method";
    public static final String PASSED_CHALLENGE = "passed_challenge";
    public static final String SENT_EMAIL = "sent_email";
    public static final String SHOW_FORM = "show_form";
    public static final String SUCCESS = "success";
    /** The longest request URL a flow keeps (its column's size); a flow is not started for a longer one. */
    public static final int MAX_REQUEST_URL = 2048;

    public Flow {
        Objects.requireNonNull(id);
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(flavor);
        Objects.requireNonNull(ui);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean isSpent() {
        return PASSED_CHALLENGE.equals(state);
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

    public Flow with(Ui ui, String state) {
        return new Flow(id, tenant, kind, flavor, state, requestUrl, returnTo, csrfHash, identity, sessionId, refresh, ui,
                issuedAt, expiresAt);
    }
}
