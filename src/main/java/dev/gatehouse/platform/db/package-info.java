/**
 * The database as the platform runs it: which database and how start-up migrates it (with retries while it is
 * down), short transactions for use cases with slow steps ({@code Transactions}), and the periodic clean-up job
 * that deletes expired rows tenant by tenant in small batches.
 */
package dev.gatehouse.platform.db;
