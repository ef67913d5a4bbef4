/**
 * The verification flow: its handler (state machine), resource ({@code /self-service/verification}), the interface
 * its methods implement ({@code VerificationMethod}) and what the mailing methods share.
 */
package dev.gatehouse.selfservice.verification;
