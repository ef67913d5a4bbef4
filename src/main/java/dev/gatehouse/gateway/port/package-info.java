/**
 * What the gateway asks of the other services when it checks a credential in process, as small interfaces it owns
 * (ports): the identity service's sessions ({@link dev.gatehouse.gateway.port.SessionLookup}) and the token
 * server's tokens and issuer ({@link dev.gatehouse.gateway.port.LocalIntrospection}). Adapters in those services
 * implement them, so the gateway imports neither and builds and tests on its own.
 */
package dev.gatehouse.gateway.port;
