/**
 * The jobs' leases in hand JDBC ({@code job_lease}): a claim is one conditional {@code UPDATE} (free or already
 * ours), and an {@code INSERT ... ON CONFLICT DO NOTHING} for a job's first claim, so two nodes claiming at once
 * never both win and neither fails. Two statements whose answer is a row count; an entity would add a mapping and a
 * cached copy of a row that other nodes change all the time, and nothing else.
 */
package dev.gatehouse.platform.lease.jdbc;
