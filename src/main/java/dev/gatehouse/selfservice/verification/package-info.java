/**
 * The verification flow: an e-mailed code or link that marks an identity's address verified.
 */
package dev.gatehouse.selfservice.verification;
