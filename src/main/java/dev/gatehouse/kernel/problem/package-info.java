/**
 * RFC 9457 problem details for the JSON APIs: the kinds of failure ({@code ApiError}), the one exception type
 * that carries them ({@code ApiException}), the single place that chooses each kind's HTTP status ({@code
 * ProblemFactory}), and a writer for filters that answer before JAX-RS is reached.
 */
package dev.gatehouse.kernel.problem;
