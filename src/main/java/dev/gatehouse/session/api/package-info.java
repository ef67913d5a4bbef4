/**
 * The HTTP face of sessions, in Kratos' shape: {@code /sessions/whoami} and {@code /sessions} for the caller's
 * own sessions, {@code /admin/sessions} and {@code /admin/identities/{id}/sessions} for administrators.
 */
package dev.gatehouse.session.api;
