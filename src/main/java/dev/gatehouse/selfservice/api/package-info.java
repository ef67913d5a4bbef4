/**
 * The HTTP face of the self-service flows in Kratos' shape: {@code
 * /self-service/{login,registration,settings,recovery,verification}/{browser,api}}, flow fetching and submission,
 * logout, the admin recovery links and codes, the admin view of sign-in locks, and the mapping of flow errors to
 * Kratos' error bodies.
 */
package dev.gatehouse.selfservice.api;
