/**
 * The recovery flow: an e-mailed code or link to a recovery address signs the user in with a fresh session and
 * leads to the settings flow to set a new password; an unknown address is answered as a known one. Here: its
 * handler (state machine), its resources (the flow, the admin's codes and links), the interface its methods
 * implement ({@code RecoveryMethod}) and what the mailing methods share.
 */
package dev.gatehouse.selfservice.recovery;
