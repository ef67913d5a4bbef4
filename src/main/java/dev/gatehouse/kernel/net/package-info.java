/** Network address helpers that never cost a name lookup: IP literals and CIDR ranges. */
package dev.gatehouse.kernel.net;
