/** OpenID Connect Discovery: the provider metadata document of each tenant's issuer. */
package dev.gatehouse.oidc.discovery;
