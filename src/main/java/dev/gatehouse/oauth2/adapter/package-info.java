/**
 * The token server's side of other services' ports: its issuer and in-process introspection as the gateway's
 * {@link dev.gatehouse.gateway.port.LocalIntrospection}.
 */
package dev.gatehouse.oauth2.adapter;
