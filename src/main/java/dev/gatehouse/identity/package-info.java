/**
 * Identities, as Ory Kratos models them: traits validated by an identity schema, a state, public and
 * admin metadata, verifiable and recovery addresses, and credentials (password, code, ...) with their
 * login identifiers. Every identity belongs to one tenant; every query is scoped by it.
 */
package dev.gatehouse.identity;
