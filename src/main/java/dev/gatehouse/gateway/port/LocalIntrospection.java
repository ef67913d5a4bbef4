package dev.gatehouse.gateway.port;

import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The token server in the same application, for {@code oauth2_introspection} without an introspection URL and for
 * the token endpoint a client-credentials exchange defaults to.
 */
public interface LocalIntrospection {

    /** The token server's issuer for the tenant of {@code request}, as the request reached Gatehouse. */
    String issuer(HttpServletRequest request);

    /** RFC 7662's answer for {@code token} ({@code {"active":false}} for anything not live), naming {@code issuer}. */
    JsonObject introspect(TenantId tenant, String token, String issuer);
}
