package dev.gatehouse.oauth2.adapter;

import dev.gatehouse.gateway.port.LocalIntrospection;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.oauth2.Issuer;
import dev.gatehouse.oauth2.token.TokenIntrospection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;

/** The gateway's {@link LocalIntrospection}: the token server's {@link Issuer} and {@link TokenIntrospection}. */
@ApplicationScoped
public class GatewayIntrospection implements LocalIntrospection {

    private Issuer issuer;
    private TokenIntrospection introspection;

    protected GatewayIntrospection() {
    }

    @Inject
    public GatewayIntrospection(Issuer issuer, TokenIntrospection introspection) {
        this.issuer = issuer;
        this.introspection = introspection;
    }

    @Override
    public String issuer(HttpServletRequest request) {
        return issuer.of(request);
    }

    @Override
    public JsonObject introspect(TenantId tenant, String token, String issuer) {
        return introspection.introspect(tenant, token, issuer);
    }
}
