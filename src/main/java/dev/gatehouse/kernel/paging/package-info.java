/**
 * Pagination of list endpoints as Ory's APIs do it ({@code page_size}, {@code page_token}, {@code Link} headers),
 * for every capability's admin lists; a malformed parameter is an API problem.
 */
package dev.gatehouse.kernel.paging;
