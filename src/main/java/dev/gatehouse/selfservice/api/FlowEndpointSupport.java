package dev.gatehouse.selfservice.api;

import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.selfservice.CsrfCookies;
import dev.gatehouse.selfservice.FlowService;
import dev.gatehouse.selfservice.SelfServiceConfig;
import dev.gatehouse.session.SessionCookies;
import dev.gatehouse.session.SessionService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * What the self-service flow endpoints ({@link FlowEndpoints}, settings) need besides their own handlers: the flows, how they are answered, the browser's
 * CSRF and session cookies, the sessions, the self-service settings, the tenant asked and the spans of
 * the flows' steps. One argument for the
 * endpoints' constructors instead of seven.
 */
@Dependent
public final class FlowEndpointSupport {

    private final FlowService flows;
    private final FlowResponses responses;
    private final CsrfCookies csrf;
    private final SessionCookies sessionCookies;
    private final SessionService sessions;
    private final SelfServiceConfig config;
    private final CurrentTenant tenant;
    private final FlowSpans spans;

    @Inject
    public FlowEndpointSupport(FlowService flows, FlowResponses responses, CsrfCookies csrf, SessionCookies sessionCookies,
                               SessionService sessions, SelfServiceConfig config, CurrentTenant tenant, FlowSpans spans) {
        this.flows = flows;
        this.responses = responses;
        this.csrf = csrf;
        this.sessionCookies = sessionCookies;
        this.sessions = sessions;
        this.config = config;
        this.tenant = tenant;
        this.spans = spans;
    }

    public FlowService flows() {
        return flows;
    }

    public FlowResponses responses() {
        return responses;
    }

    public CsrfCookies csrf() {
        return csrf;
    }

    public SessionCookies sessionCookies() {
        return sessionCookies;
    }

    public SessionService sessions() {
        return sessions;
    }

    public SelfServiceConfig config() {
        return config;
    }

    public CurrentTenant tenant() {
        return tenant;
    }

    public FlowSpans spans() {
        return spans;
    }
}
