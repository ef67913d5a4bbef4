package dev.gatehouse.kernel.event;

/**
 * What happened. Stable names: the audit log, metrics and webhooks key on them. Capabilities add their
 * types here as they come.
 */
public enum SecurityEventType {
    ADMIN_AUTHENTICATION_FAILED,
    ADMIN_CHANGE,
    CONSOLE_SIGN_IN,
    CONSOLE_SIGN_IN_FAILED,
    CONSOLE_SIGN_OUT,
    CONSOLE_ACCESS_DENIED,
    TENANT_CREATED,
    TENANT_UNKNOWN,
    TENANT_SETTINGS_CHANGED,
    /** A host name was mapped to a tenant or taken from it (details: {@code added} or {@code removed}). */
    TENANT_HOSTS_CHANGED,
    HOST_UNKNOWN,
    DEMO_DATA_SEEDED,
    IDENTITY_CREATED,
    IDENTITY_UPDATED,
    IDENTITY_DELETED,
    /** A sign-in method was set up for an identity (details: {@code method}); see {@link CredentialEvents}. */
    CREDENTIAL_ENROLLED,
    /** One of an identity's sign-in methods was removed, by itself or an administrator (details: {@code method}, {@code type}). */
    CREDENTIAL_REMOVED,
    /** A sign-in method proved who someone is (details: {@code method}, {@code aal}). */
    CREDENTIAL_USED,
    /** A sign-in method was refused (details: {@code method}, {@code reason}). */
    CREDENTIAL_FAILED,
    REGISTRATION,
    LOGIN,
    LOGIN_FAILED,
    LOGIN_LOCKOUT,
    LOGOUT,
    SETTINGS_CHANGED,
    SESSION_REVOKED,
    PASSWORD_REHASHED,
    VERIFICATION_SENT,
    VERIFICATION_SUCCEEDED,
    VERIFICATION_FAILED,
    RECOVERY_SENT,
    RECOVERY_SUCCEEDED,
    RECOVERY_FAILED,
    MESSAGE_QUEUED,
    MESSAGE_SENT,
    MESSAGE_ABANDONED,
    /** An abandoned message was queued again by an administrator (details: {@code channel}, {@code template}). */
    MESSAGE_RETRIED,
    // token server
    OAUTH2_CLIENT_CREATED,
    OAUTH2_CLIENT_UPDATED,
    OAUTH2_CLIENT_DELETED,
    OAUTH2_CLIENT_AUTHENTICATION_FAILED,
    OAUTH2_CLIENT_LOCKOUT,
    OAUTH2_AUTHORIZATION_FAILED,
    OAUTH2_LOGIN_ACCEPTED,
    OAUTH2_LOGIN_REJECTED,
    OAUTH2_CONSENT_GRANTED,
    OAUTH2_CONSENT_REJECTED,
    OAUTH2_CONSENT_REVOKED,
    OAUTH2_LOGIN_SESSION_REVOKED,
    OAUTH2_LOGOUT,
    OAUTH2_TOKEN_ISSUED,
    OAUTH2_TOKEN_FAILED,
    OAUTH2_TOKEN_REVOKED,
    OAUTH2_CODE_REPLAYED,
    OAUTH2_REFRESH_TOKEN_REUSED,
    KEY_CREATED,
    KEY_ROTATED,
    KEY_DELETED,
    /** A token signed by a key past its retirement time was presented: a leaked or replayed token, or a clock gone wrong. */
    KEY_RETIRED_USED,
    // policy gateway
    GATEWAY_ALLOWED,
    GATEWAY_DENIED,
    GATEWAY_NO_RULE,
    GATEWAY_AMBIGUOUS_RULES,
    GATEWAY_RULES_LOADED,
    GATEWAY_RULES_REJECTED,
    GATEWAY_RULE_CHANGED,
    // audit log
    AUDIT_SEARCH_CREATED,
    AUDIT_SEARCH_UPDATED,
    AUDIT_SEARCH_DELETED,
    // audit log alerts
    AUDIT_ALERT_CREATED,
    AUDIT_ALERT_UPDATED,
    AUDIT_ALERT_DELETED,
    /** An alert rule's group went above its threshold (details: {@code rule_name}, {@code group}, {@code count}). */
    AUDIT_ALERT_FIRED
}
