/**
 * The settings flow: changing traits and the password, with a recent sign-in required for sensitive changes, and
 * a verification message for each newly added address. Here: its handler (state machine), its resource and the
 * interface its methods implement ({@code SettingsMethod}: profile, password).
 */
package dev.gatehouse.selfservice.settings;
