/** The key sets' storage in plain SQL (row locks for rotation across nodes). */
package dev.gatehouse.jwk.jdbc;
