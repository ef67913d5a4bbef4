/** Server secrets: the token HMAC key and the hashing of server-generated tokens. */
package dev.gatehouse.platform.secrets;
