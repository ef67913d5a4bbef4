/**
 * The credential capability's side of other services' ports: the argon2id password hash as the token server's
 * {@link dev.gatehouse.oauth2.port.SlowHash} for short client secrets.
 */
package dev.gatehouse.credential.adapter;
