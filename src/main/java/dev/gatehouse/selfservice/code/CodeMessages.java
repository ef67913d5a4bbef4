package dev.gatehouse.selfservice.code;

import dev.gatehouse.courier.Channel;
import dev.gatehouse.kernel.log.Logs;

import dev.gatehouse.courier.Courier;
import dev.gatehouse.courier.MessageTemplate;
import dev.gatehouse.courier.OutgoingMessage;
import dev.gatehouse.identity.IdentityId;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.http.RequestLanguage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Hands a code to the courier, in the caller's transaction. Without a courier in the application (it is
 * optional at deployment) codes are not sent; that is logged once, never the code.
 */
@ApplicationScoped
public class CodeMessages {

    private static final Logger LOG = Logs.of(CodeMessages.class);

    private Instance<Courier> courier;
    private RequestLanguage language;

    protected CodeMessages() {
        // for the container's proxy
    }

    @Inject
    public CodeMessages(Instance<Courier> courier, RequestLanguage language) {
        this.courier = courier;
        this.language = language;
    }

    private final AtomicBoolean warned = new AtomicBoolean();

    public void send(TenantId tenant, MessageTemplate template, String to, IdentityId identity, String code) {
        send(tenant, template, to, identity, Map.of("code", code, "to", to));
    }

    /** The requester's language; English when there is no request (e.g. a timer). */
    private Locale locale() {
        try {
            return language.locale();
        } catch (ContextNotActiveException e) {
            return Locale.ENGLISH;
        }
    }

    /** Sends an e-mail whose model is {@code model} (which holds the code, and for a sign-in its link). */
    public void send(TenantId tenant, MessageTemplate template, String to, IdentityId identity, Map<String, String> model) {
        send(tenant, Channel.EMAIL, template, to, identity, model);
    }

    /** Sends a message by {@code channel} (e-mail, or SMS to a number in E.164) whose model is {@code model}. */
    public void send(TenantId tenant, Channel channel, MessageTemplate template, String to, IdentityId identity, Map<String, String> model) {
        if (!courier.isResolvable()) {
            if (warned.compareAndSet(false, true)) {
                LOG.warning("No courier is deployed: one-time codes are not sent");
            }
            return;
        }
        courier.get().enqueue(new OutgoingMessage(tenant, channel, template, to, locale(), model,
                identity == null ? null : identity.toString()));
    }
}
