/**
 * The recovery flow: an e-mailed code or link to a recovery address signs the user in with a fresh session and
 * leads to the settings flow to set a new password; an unknown address is answered as a known one.
 */
package dev.gatehouse.selfservice.recovery;
