/**
 * The settings flow: its handler (state machine), resource ({@code /self-service/settings}), and the interface its
 * methods implement ({@code SettingsMethod}: profile, password).
 */
package dev.gatehouse.selfservice.settings;
