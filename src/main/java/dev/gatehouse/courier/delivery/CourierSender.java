package dev.gatehouse.courier.delivery;

import dev.gatehouse.courier.Channel;
import dev.gatehouse.kernel.log.Logs;

import dev.gatehouse.courier.ClaimedMessage;
import dev.gatehouse.courier.CourierConfig;
import dev.gatehouse.courier.MessageStatus;
import dev.gatehouse.courier.Recipient;
import dev.gatehouse.courier.SmsGatewayConfig;
import dev.gatehouse.courier.SmsRecipient;
import dev.gatehouse.courier.jdbc.OutboxQueue;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.log.Redactor;
import dev.gatehouse.platform.db.DatabaseMigrator;
import dev.gatehouse.platform.db.Transactions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox: every {@code poll-interval}, once the schema is migrated, claims a batch of due
 * messages (each claimed by one node only), sends each outside any transaction (e-mail over SMTP, SMS through the
 * HTTP SMS gateway, {@link SmsGateway}), then records
 * {@code sent}, a retry after a doubling back-off, or {@code abandoned} after {@code max-attempts}.
 * Logs name the message id and the recipient's domain (for SMS, the number's country code), never an address, code,
 * link, request body or password. A channel without its server (no SMTP host, no SMS gateway URL) sends nothing: its
 * messages are held for the dev outbox page. The first tick of a run with
 * SMTP releases the messages an earlier run held (see {@link #releaseHeld()}).
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class CourierSender {

    private static final Logger LOG = Logs.of(CourierSender.class);
    private static final int MAX_ERROR_LENGTH = 200;

    @Resource
    TimerService timers;
    @Inject
    CourierConfig config;
    @Inject
    DatabaseMigrator migrator;
    @Inject
    OutboxQueue queue;
    @Inject
    Transactions transactions;
    @Inject
    SmtpMailer mailer;
    @Inject
    SmsGatewayConfig sms;
    @Inject
    SmsGateway gateway;
    @Inject
    SecurityEvents events;

    private final AtomicBoolean ticking = new AtomicBoolean();
    private final AtomicBoolean heldReleased = new AtomicBoolean();
    private volatile String lastFailure;

    @PostConstruct
    void start() {
        if (!config.sends()) {
            LOG.info("Courier: no SMTP server configured (gatehouse.courier.smtp.host): mail is held in the outbox, not sent");
        }
        if (!sms.sends()) {
            LOG.info("Courier: no SMS gateway configured (gatehouse.courier.sms.url): SMS are held in the outbox, not sent");
        }
        if (channels().isEmpty()) {
            return;
        }
        long every = config.pollInterval().toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("gatehouse-courier-sender", false));
        config.smtpHost().ifPresent(host -> LOG.info("Courier: sending mail through " + host + ":" + config.smtpPort()
                + " (" + config.tls().name().toLowerCase(java.util.Locale.ROOT) + ") every " + config.pollInterval().toMillis() + " ms"));
        if (sms.sends()) {
            LOG.info("Courier: sending SMS through the gateway " + sms.startupSummary() + " every " + config.pollInterval().toMillis() + " ms");
        }
    }

    /** The channels this node can send on: e-mail with an SMTP server, SMS with a gateway. */
    private Set<Channel> channels() {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (config.sends()) {
            channels.add(Channel.EMAIL);
        }
        if (sms.sends()) {
            channels.add(Channel.SMS);
        }
        return channels;
    }

    @Timeout
    void tick() {
        if (!migrator.isMigrated() || !ticking.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!heldReleased.get()) {
                checkSmsTemplate();
                releaseHeld();
                heldReleased.set(true);
            }
            runOnce();
            lastFailure = null;
        } catch (RuntimeException e) {
            String reason = Redactor.text(oneLine(e));
            if (!reason.equals(lastFailure)) {
                LOG.warning("Courier: could not read the outbox: " + reason + " — will retry");
            }
            lastFailure = reason;
        } finally {
            ticking.set(false);
        }
    }

    /**
     * Once per start with SMTP or an SMS gateway configured: messages of that channel held by an earlier run
     * without it are sent if younger than {@code held-max-age}, else abandoned. Safe to run on many nodes at once.
     */
    public OutboxQueue.Released releaseHeld() {
        int queued = 0;
        int abandoned = 0;
        for (Channel channel : channels()) {
            OutboxQueue.Released released = transactions.call(() -> queue.releaseHeld(config.heldMaxAge(), channel));
            if (released.queued() > 0 || released.abandoned() > 0) {
                LOG.info("Courier: " + (channel == Channel.SMS ? "an SMS gateway" : "SMTP") + " is configured now: "
                        + released.queued() + " held message(s) queued for sending, " + released.abandoned() + " older than "
                        + config.heldMaxAge() + " abandoned");
            }
            queued += released.queued();
            abandoned += released.abandoned();
        }
        return new OutboxQueue.Released(queued, abandoned);
    }

    /**
     * Once per start with an SMS gateway: evaluates the request body template with a made-up message, so a broken
     * template is reported before the first SMS waits on it (and the first real one does not pay for warming up
     * jsonnet). SMS are still sent and retried whatever this finds.
     */
    private void checkSmsTemplate() {
        if (!sms.sends()) {
            return;
        }
        ClaimedMessage sample = new ClaimedMessage(new java.util.UUID(0, 0), "default", Channel.SMS, "login_code_valid",
                "+15005550006", "", "Your login code is: 000000", "", "{\"to\":\"+15005550006\",\"code\":\"000000\"}", 1);
        try {
            gateway.body(sample);
        } catch (SmsGateway.SmsFailure e) {
            LOG.warning("Courier: " + e.getMessage() + " (tried with a sample message at start); SMS wait in the outbox until"
                    + " gatehouse.courier.sms.body is fixed");
        }
    }

    /** Claims and sends one batch; returns how many messages it attempted. Safe to run on many nodes at once. */
    public int runOnce() {
        Set<Channel> channels = channels();
        if (channels.isEmpty()) {
            return 0;
        }
        List<ClaimedMessage> batch = transactions.call(() -> queue.claim(config.batchSize(), channels));
        for (ClaimedMessage m : batch) {
            deliver(m);
        }
        return batch.size();
    }

    private void deliver(ClaimedMessage m) {
        String domain = m.channel() == Channel.SMS ? SmsRecipient.shown(m.recipient()) : new Recipient(m.recipient()).domain();
        try {
            if (m.channel() == Channel.SMS) {
                gateway.send(m);
            } else {
                mailer.send(m);
            }
            transactions.run(() -> queue.sent(m.id()));
            events.fire(SecurityEvent.of(SecurityEventType.MESSAGE_SENT, Outcome.SUCCESS).tenant(m.tenant())
                    .subject(m.id().toString()).detail("template", m.template()).detail("channel", m.channel().wire())
                    .detail("recipient_domain", domain).detail("attempt", m.attempt()));
            LOG.log(Level.FINE, "Courier: sent message {0} to a recipient at {1}", new Object[] {m.id(), domain});
        } catch (MessagingException | SmsGateway.SmsFailure | RuntimeException e) {
            String reason = e instanceof SmsGateway.SmsFailure ? e.getMessage() : Redactor.text(oneLine(e));
            String error = reason.length() > MAX_ERROR_LENGTH ? reason.substring(0, MAX_ERROR_LENGTH) : reason;
            MessageStatus now = transactions.call(() -> queue.failed(m, error));
            if (now == MessageStatus.ABANDONED) {
                events.fire(SecurityEvent.of(SecurityEventType.MESSAGE_ABANDONED, Outcome.FAILURE).tenant(m.tenant())
                        .subject(m.id().toString()).detail("template", m.template()).detail("recipient_domain", domain)
                        .detail("attempts", m.attempt()).detail("error", error));
                LOG.warning("Courier: abandoned message " + m.id() + " to a recipient at " + domain + " after "
                        + m.attempt() + " attempts: " + error);
            } else {
                LOG.info("Courier: attempt " + m.attempt() + " of message " + m.id() + " to a recipient at " + domain
                        + " failed, will retry: " + error);
            }
        }
    }

    /** The exception's class and innermost message on one line, with addresses reduced to their domain. */
    static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = Objects.requireNonNullElse(root.getMessage(), "");
        return (root.getClass().getSimpleName() + ": " + message).replaceAll("\\s+", " ")
                .replaceAll("[^\\s<>\"',;:]+@", "…@").trim();
    }
}
