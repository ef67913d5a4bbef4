/**
 * The registration flow: the password method, the {@code code} method (nothing is created until the address is
 * proven) and the form nodes built from the identity schema's traits.
 */
package dev.gatehouse.selfservice.registration;
