package dev.gatehouse.courier.jpa;

import dev.gatehouse.courier.Channel;
import dev.gatehouse.courier.Courier;
import dev.gatehouse.courier.CourierConfig;
import dev.gatehouse.courier.MessageStatus;
import dev.gatehouse.courier.OutgoingMessage;
import dev.gatehouse.courier.Recipient;
import dev.gatehouse.courier.RenderedMessage;
import dev.gatehouse.courier.SmsGatewayConfig;
import dev.gatehouse.courier.SmsRecipient;
import dev.gatehouse.courier.TemplateRenderer;
import dev.gatehouse.kernel.Ids;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * {@link Courier} on the database outbox: validates the recipient, renders the template now (so a later
 * template change does not alter queued mail) and inserts the row in the caller's transaction. Without an
 * SMTP server configured the message is {@code held} for the dev outbox page instead of {@code queued}.
 */
@ApplicationScoped
public class JpaCourier implements Courier {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    private CourierConfig config;
    private SecurityEvents events;
    private Clock clock;
    private TemplateRenderer renderer;
    private SmsGatewayConfig smsGateway;

    protected JpaCourier() {
    }

    @Inject
    public JpaCourier(CourierConfig config, SmsGatewayConfig smsGateway, SecurityEvents events, Clock clock) {
        this(config, events, clock);
        this.smsGateway = smsGateway;
    }

    private JpaCourier(CourierConfig config, SecurityEvents events, Clock clock) {
        this.config = config;
        this.events = events;
        this.clock = clock;
        this.renderer = new TemplateRenderer(config.templatesDir());
    }

    /** For use outside the container (repository contract tests). */
    public JpaCourier(EntityManager em, CourierConfig config, SecurityEvents events, Clock clock) {
        this(config, events, clock);
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(OutgoingMessage message) {
        boolean sms = message.channel() == Channel.SMS;
        String recipient = sms ? new SmsRecipient(message.recipient()).number() : new Recipient(message.recipient()).address();
        String shown = sms ? SmsRecipient.shown(recipient) : new Recipient(recipient).domain();
        RenderedMessage rendered = sms
                ? new RenderedMessage("", renderer.renderSms(message.template(), message.locale(), message.model()), "")
                : renderer.render(message.template(), message.locale(), message.model());
        Instant now = clock.instant();
        MessageStatus status = (sms ? smsGateway != null && smsGateway.sends() : config.sends()) ? MessageStatus.QUEUED : MessageStatus.HELD;
        CourierMessageEntity e = new CourierMessageEntity(Ids.uuid(), message.tenant().value());
        e.channel = message.channel().wire();
        e.template = message.template().wire();
        e.recipient = recipient;
        e.locale = message.locale().toLanguageTag();
        e.subject = rendered.subject();
        e.bodyText = rendered.text();
        e.bodyHtml = rendered.html();
        e.templateData = sms ? templateData(message) : null;
        e.status = status.wire();
        e.sendCount = 0;
        e.nextAttemptAt = now;
        e.identityId = message.identity();
        e.createdAt = now;
        e.updatedAt = now;
        em.persist(e);
        events.fire(SecurityEvent.of(SecurityEventType.MESSAGE_QUEUED, Outcome.SUCCESS)
                .tenant(message.tenant().value())
                .subject(e.id.toString())
                .detail("template", e.template)
                .detail("channel", e.channel)
                .detail("recipient_domain", shown)
                .detail("status", e.status));
        return e.id;
    }

    /**
     * Kratos' {@code template_data} of an SMS: the recipient as {@code to} and the code under Kratos' name for the
     * template ({@code login_code}, {@code registration_code}, ...), besides the model's own names.
     */
    private static String templateData(OutgoingMessage message) {
        var data = JsonP.createObjectBuilder();
        message.model().forEach(data::add);
        data.add("to", message.recipient());
        String code = message.model().get("code");
        String type = message.template().wire();
        if (code != null && type.endsWith("_code_valid")) {
            data.add(type.substring(0, type.length() - "_valid".length()), code);
        }
        return data.build().toString();
    }
}
