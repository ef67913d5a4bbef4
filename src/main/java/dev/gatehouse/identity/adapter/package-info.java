/**
 * The identity capability's side of other services' ports: an identity's traits, public metadata and verified
 * addresses as the token server's {@link dev.gatehouse.oauth2.port.SubjectClaims}.
 */
package dev.gatehouse.identity.adapter;
