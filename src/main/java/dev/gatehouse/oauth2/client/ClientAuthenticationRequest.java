package dev.gatehouse.oauth2.client;

import jakarta.ws.rs.core.MultivaluedMap;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * What a request to the token, introspection or revocation endpoint offers to authenticate its client.
 *
 * @param authorization the {@code Authorization} header, if any
 * @param form          the form body ({@code client_id}, {@code client_secret}, {@code client_assertion_type},
 *                      {@code client_assertion})
 * @param endpointUrl   the absolute URL of the endpoint called, which a {@code private_key_jwt} assertion's
 *                      {@code aud} must name (the token endpoint URL is also accepted, and the issuer)
 */
public record ClientAuthenticationRequest(Optional<String> authorization, MultivaluedMap<String, String> form,
                                          String endpointUrl) {

    /**
     * The client id the request names for a secret, not yet verified: the HTTP Basic user (RFC 6749 §2.3.1,
     * form-url-decoded), else {@code client_id}; null when there is none or it cannot be read.
     */
    public String claimedClientId() {
        Optional<String> basic = authorization.filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6));
        if (basic.isEmpty()) {
            List<String> ids = form.get("client_id");
            return ids == null || ids.size() != 1 ? null : ids.get(0);
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(basic.get().substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
