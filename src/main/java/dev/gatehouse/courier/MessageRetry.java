package dev.gatehouse.courier;

import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;

/**
 * Sending an abandoned message again, as an administrator asks for it (admin API, console): the message goes back to
 * {@code queued}, due now, with a fresh count of attempts, and the sender picks it up on any node. Only an abandoned
 * message may be retried: a queued one is on its way, a sent one arrived, a held one waits for SMTP. Fires
 * {@code MESSAGE_RETRIED} with the administrator as actor.
 */
@ApplicationScoped
public class MessageRetry {

    @Inject
    Outbox outbox;
    @Inject
    SecurityEvents events;
    @Inject
    Clock clock;

    /**
     * @throws ApiException not found for an id the tenant has no message under; conflict for a message that is not
     *                      abandoned
     */
    @Transactional
    public CourierMessage retry(TenantId tenant, UUID id, String actor) {
        CourierMessage message = outbox.find(tenant, id).orElseThrow(() -> ApiException.notFound("No message with this id"));
        if (!outbox.requeue(tenant, id, clock.instant())) {
            throw ApiException.conflict("Only an abandoned message can be retried; this one is " + message.status().wire());
        }
        events.fire(SecurityEvent.of(SecurityEventType.MESSAGE_RETRIED, Outcome.SUCCESS).tenant(tenant.value()).actor(actor)
                .subject(id.toString()).detail("channel", message.channel().wire())
                .detail("template", message.template().wire()));
        return outbox.find(tenant, id).orElseThrow();
    }
}
