package dev.gatehouse.kernel.event;

import dev.gatehouse.kernel.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import java.time.Clock;

/**
 * Fires {@link SecurityEvent}s, filling in what the current request knows (tenant, IP, user agent,
 * request id) unless the caller set it. Outside a request (start-up, timers) those stay as given.
 */
@ApplicationScoped
public class SecurityEvents {

    private Event<SecurityEvent> events;
    private RequestContext request;
    private BeanManager beans;
    private Clock clock;

    protected SecurityEvents() {
    }

    @Inject
    public SecurityEvents(Event<SecurityEvent> events, RequestContext request, BeanManager beans, Clock clock) {
        this.events = events;
        this.request = request;
        this.beans = beans;
        this.clock = clock;
    }

    public void fire(SecurityEvent.Builder builder) {
        if (builder.occurredAt() == null) {
            builder.occurredAt(clock.instant());
        }
        if (requestActive()) {
            if (builder.tenant() == null) {
                builder.tenant(request.tenantId());
            }
            if (builder.ip() == null) {
                builder.ip(request.clientIp());
            }
            if (builder.userAgent() == null) {
                builder.userAgent(request.userAgent());
            }
            if (builder.requestId() == null) {
                builder.requestId(request.requestId());
            }
        }
        events.fire(builder.build());
    }

    private boolean requestActive() {
        try {
            return beans.getContext(RequestScoped.class).isActive();
        } catch (ContextNotActiveException e) {
            return false;
        }
    }
}
