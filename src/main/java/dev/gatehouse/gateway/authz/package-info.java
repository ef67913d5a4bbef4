/**
 * Authorizers ({@code allow}, {@code deny}, {@code remote}, {@code remote_json}, {@code roles}, {@code owner}):
 * each a bean implementing {@link dev.gatehouse.gateway.authz.Authorizer}, bound to its parsed config record
 * when a rule is loaded.
 */
package dev.gatehouse.gateway.authz;
