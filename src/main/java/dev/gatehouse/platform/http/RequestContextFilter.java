package dev.gatehouse.platform.http;

import dev.gatehouse.kernel.RequestAttributes;
import dev.gatehouse.kernel.RequestContext;
import dev.gatehouse.kernel.log.LogContext;
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

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String requestId = RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
        request.setAttribute(RequestAttributes.REQUEST_ID, requestId);
        context.begin(requestId, clientIp(request), request.getHeader("User-Agent"));
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
        }
    }

    private String clientIp(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !config.trustedProxies().contains(remote)) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        return hops[hops.length - 1].trim().isEmpty() ? remote : hops[hops.length - 1].trim();
    }
}
