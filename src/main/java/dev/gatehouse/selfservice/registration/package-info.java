/**
 * The registration flow: its handler (state machine), its resource ({@code /self-service/registration}), the
 * interface a sign-up method implements ({@code RegistrationMethod}), and the form parts every method shares: the
 * nodes built from the identity schema's traits, so a trait added to a schema shows up on every page without new
 * code, and the messages of a refused submission.
 */
package dev.gatehouse.selfservice.registration;
