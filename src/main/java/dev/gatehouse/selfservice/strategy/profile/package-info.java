/** The {@code profile} method of the settings flow: the identity's traits, checked by its schema. */
package dev.gatehouse.selfservice.strategy.profile;
