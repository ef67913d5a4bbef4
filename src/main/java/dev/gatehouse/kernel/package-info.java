/**
 * The small shared kernel: problem details, JSON, identifiers and tokens, configuration reading,
 * log redaction and the security event model. Nothing here knows about any one capability.
 */
package dev.gatehouse.kernel;
