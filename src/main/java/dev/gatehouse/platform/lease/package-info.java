/**
 * Leases that let a scheduled job which every node runs be done by one node at a time: the job claims its lease in
 * a short transaction before each step of work, does the slow part (a file written, a remote call) holding no
 * connection, and releases the lease when the run ends. A node that stops mid-run loses the lease when it expires,
 * and the next node redoes the step it left unfinished; the lease's length bounds how long that takes.
 */
package dev.gatehouse.platform.lease;
