package dev.gatehouse.platform.http;

import dev.gatehouse.kernel.RequestContext;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The browser policy of Gatehouse's own answers: the {@link ContentSecurityPolicy} on every one (pages, error pages,
 * JSON alike), and {@code Strict-Transport-Security} when the answer reaches the browser over HTTPS: the request
 * came over TLS (directly or, says a trusted proxy, to the proxy) or the public base URL is {@code https}. Mapped
 * after the gateway's reverse proxy, whose answers are the upstream application's and keep its own policy.
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String HSTS = "Strict-Transport-Security";

    @Inject
    HttpConfig config;
    @Inject
    PublicConfig publicConfig;
    @Inject
    RequestContext context;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader(ContentSecurityPolicy.HEADER, ContentSecurityPolicy.value());
        long maxAge = config.hstsMaxAge().toSeconds();
        if (maxAge > 0 && ("https".equals(context.scheme()) || publicConfig.origins().fallback().startsWith("https:"))) {
            response.setHeader(HSTS, "max-age=" + maxAge);
        }
        chain.doFilter(request, response);
    }
}
