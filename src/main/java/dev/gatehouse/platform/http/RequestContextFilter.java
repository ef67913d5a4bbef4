package dev.gatehouse.platform.http;

import dev.gatehouse.kernel.RequestAttributes;
import dev.gatehouse.kernel.RequestContext;
import dev.gatehouse.kernel.log.LogContext;
import dev.gatehouse.kernel.log.Logs;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * First filter of every request: gives it a request id (echoed in {@code X-Request-ID}), records the
 * client address and user agent, puts the id on this thread's log records, and sets the headers every
 * response should carry.
 */
public class RequestContextFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    RequestContext context;
    @Inject
    HttpConfig config;
    @Inject
    PublicConfig publicConfig;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String requestId = RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
        request.setAttribute(RequestAttributes.REQUEST_ID, requestId);
        ForwardedHeaders forwarded = ForwardedHeaders.of(request, config::trusted);
        context.begin(requestId, forwarded.clientIp(), request.getHeader("User-Agent"));
        context.asked(forwarded.host(), forwarded.scheme());
        // answers that are not about a host the client named (health, decisions, the proxy port) use this;
        // the tenant filter replaces it for the host the request is served under
        request.setAttribute(RequestAttributes.PUBLIC_BASE, publicConfig.origins().fallback());
        response.setHeader(RequestIds.HEADER, requestId);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        LogContext.put(LogContext.REQUEST_ID, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            LogContext.remove(LogContext.REQUEST_ID);
            LogContext.remove(LogContext.TENANT);
            Logs.clear();
        }
    }
}
