package dev.gatehouse.platform.http;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Keeps {@link InFlightRequests} up to date: every request Gatehouse serves itself is registered while it runs,
 * with its waits on the client told apart, so liveness can notice when requests stop getting anywhere (a log
 * write that blocks, a lock never released, a pool that never gives back a connection). Mapped after the
 * gateway's reverse proxy, whose requests wait on upstreams, not on Gatehouse.
 */
public class RequestWatchFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    InFlightRequests inFlight;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        InFlightRequests.InFlight watch = inFlight.begin();
        try {
            chain.doFilter(ClientIo.request(request, watch), ClientIo.response(response, watch));
        } finally {
            inFlight.end(watch);
        }
    }
}
