package dev.gatehouse.gateway.port;

import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.json.JsonObject;

import java.net.URI;
import java.util.Optional;

/** The identity service's sessions, for {@code cookie_session} and {@code bearer_token} without a check URL. */
public interface SessionLookup {

    /** The name of the identity service's session cookie. */
    String cookieName();

    /**
     * The valid session {@code token} belongs to, as {@code /sessions/whoami} shows it (links under {@code base}),
     * with {@code aal} (its assurance level) and {@code amr} (its methods as RFC 8176 values); empty when the token
     * is no valid session's. A session close to expiry is extended.
     */
    Optional<JsonObject> whoami(TenantId tenant, String token, URI base);
}
