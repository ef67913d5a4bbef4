/**
 * The identity service's HTTP API, with Ory Kratos' paths and JSON shapes. Resources are thin: they parse
 * the request, ask one domain bean, and write the answer; errors are thrown as
 * {@link dev.gatehouse.kernel.problem.ApiException}.
 */
package dev.gatehouse.identity.api;
