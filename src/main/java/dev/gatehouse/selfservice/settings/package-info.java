/**
 * The settings flow: changing traits and the password, with a recent sign-in required for sensitive changes, and
 * a verification message for each newly added address.
 */
package dev.gatehouse.selfservice.settings;
