/**
 * The registration flow: its handler (state machine), resource ({@code /self-service/registration}), the interface
 * its methods implement ({@code RegistrationMethod}), and the form parts every method shares (the traits, the
 * messages of a refused submission).
 */
package dev.gatehouse.selfservice.registration;
