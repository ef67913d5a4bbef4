package dev.gatehouse.oauth2.token;

/**
 * Issues authorization codes (RFC 6749 §4.1.2). The code is random (≥256 bits), prefixed, single use and short
 * lived; only its HMAC is stored, with the grant. Redeeming is the token endpoint's business.
 */
public interface AuthorizationCodes {

    /** Stores the grant and returns the code to put in the redirect. */
    String issue(AuthorizationGrant grant);
}
