/**
 * The registration flow: its handler and the methods a registration can use, and the form nodes built from the
 * identity schema's traits, so a trait added to a schema shows up on every page without new code.
 */
package dev.gatehouse.selfservice.registration;
