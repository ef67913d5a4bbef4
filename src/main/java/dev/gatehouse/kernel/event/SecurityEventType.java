package dev.gatehouse.kernel.event;

/**
 * What happened. Stable names: the audit log, metrics and webhooks key on them. Capabilities add their
 * types here as they come.
 */
public enum SecurityEventType {
    ADMIN_AUTHENTICATION_FAILED,
    ADMIN_CHANGE,
    TENANT_CREATED,
    TENANT_UNKNOWN,
    DEMO_DATA_SEEDED,
    IDENTITY_CREATED,
    IDENTITY_UPDATED,
    IDENTITY_DELETED,
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
    MESSAGE_ABANDONED
}
