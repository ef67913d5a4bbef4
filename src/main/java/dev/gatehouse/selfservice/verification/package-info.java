/**
 * The verification flow: an e-mailed code or link that marks an identity's address verified. Here: its handler
 * (state machine), its resource, the interface its methods implement ({@code VerificationMethod}) and what the
 * mailing methods share.
 */
package dev.gatehouse.selfservice.verification;
