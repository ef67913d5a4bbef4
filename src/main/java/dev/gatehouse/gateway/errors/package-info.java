/**
 * Error handlers ({@code json}, {@code redirect}, {@code www_authenticate}) and Oathkeeper's {@code when}
 * conditions that choose among them: each handler a bean implementing
 * {@link dev.gatehouse.gateway.errors.ErrorHandler}, bound with its {@code when} into an
 * {@link dev.gatehouse.gateway.errors.ErrorStep} when a rule is loaded.
 */
package dev.gatehouse.gateway.errors;
