/**
 * JPA persistence of the authorization endpoint's state: authorization flows (with their login and consent
 * challenges), remembered login sessions and logout requests.
 */
package dev.gatehouse.oauth2.authorize.jpa;
