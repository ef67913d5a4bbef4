package dev.gatehouse.oauth2;

import dev.gatehouse.kernel.RequestAttributes;
import dev.gatehouse.platform.http.PublicUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.Config;

/**
 * The issuer identifier ({@code iss}) of the tenant a request belongs to, and the absolute URLs of the token
 * server's endpoints under it: the request's public base URL ({@code gatehouse.public.base-url}, or a tenant's
 * registered host), unless {@code gatehouse.oauth2.issuer} sets another. A tenant reached through
 * {@code /t/{tenant}} has that prefix in its issuer, so each tenant is its own OpenID provider.
 */
@ApplicationScoped
public class Issuer {

    private String configured;

    protected Issuer() {
    }

    @Inject
    public Issuer(Config config) {
        String value = config.getOptionalValue("gatehouse.oauth2.issuer", String.class).orElse("").trim();
        this.configured = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    /** The issuer of the request's tenant, without a trailing slash. */
    public String of(HttpServletRequest request) {
        if (configured.isEmpty()) {
            return PublicUrls.base(request);
        }
        Object prefix = request.getAttribute(RequestAttributes.TENANT_PREFIX);
        return prefix == null ? configured : configured + prefix;
    }

    /** An endpoint of the request's tenant, e.g. {@code url(request, "/oauth2/token")}. */
    public String url(HttpServletRequest request, String path) {
        return of(request) + path;
    }
}
