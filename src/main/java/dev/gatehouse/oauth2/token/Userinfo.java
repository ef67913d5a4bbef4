package dev.gatehouse.oauth2.token;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.gatehouse.kernel.json.JsonText;
import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The userinfo claims of a live access token (OpenID Connect Core §5.3.2): {@code sub}, the claims its scopes
 * release, and the consent's extra ID token claims (which never replace a standard one).
 */
@ApplicationScoped
public class Userinfo {

    @Inject
    UserClaims userClaims;

    @Transactional
    public JsonObject of(TenantId tenant, TokenIntrospection.Live live) {
        Map<String, Object> claims = new LinkedHashMap<>();
        TokenMinter.json(live.grant().idTokenClaims()).forEach((k, v) -> {
            if (!TokenMinter.RESERVED.contains(k)) {
                claims.put(k, v);
            }
        });
        claims.putAll(userClaims.of(tenant, live.token().subject(), live.token().scopes()));
        claims.put("sub", live.token().subject());
        return JsonText.readObject(JSONObjectUtils.toJSONString(claims));
    }
}
