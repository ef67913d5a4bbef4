package dev.gatehouse.oauth2.authorize;

/**
 * The states of an {@link AuthorizationFlow}. Each challenge and each verifier is good for one transition:
 * <pre>
 * LOGIN_REQUESTED --accept--> LOGIN_ACCEPTED --login_verifier--> CONSENT_REQUESTED --accept--> CONSENT_ACCEPTED --consent_verifier--> DONE
 *        \--reject--> LOGIN_REJECTED --login_verifier--> FAILED          \--reject--> CONSENT_REJECTED --consent_verifier--> FAILED
 * </pre>
 */
public enum FlowState {
    LOGIN_REQUESTED,
    LOGIN_ACCEPTED,
    LOGIN_REJECTED,
    CONSENT_REQUESTED,
    CONSENT_ACCEPTED,
    CONSENT_REJECTED,
    DONE,
    FAILED
}
