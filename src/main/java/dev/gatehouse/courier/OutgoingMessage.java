package dev.gatehouse.courier;

import dev.gatehouse.kernel.tenant.TenantId;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A message to send.
 *
 * @param channel   e-mail or SMS
 * @param recipient an e-mail address (validated and refused if it could inject headers), or for SMS a phone
 *                  number in E.164
 * @param locale    the language to render in (en, ru or zh; others fall back to en)
 * @param model     values the template uses, e.g. {@code code}, {@code link}, {@code to}; secrets such as
 *                  codes and links are stored with the message until it is sent
 * @param identity  the identity it is about, if any (for the admin API's filters); may be null
 */
public record OutgoingMessage(TenantId tenant, Channel channel, MessageTemplate template, String recipient, Locale locale,
                              Map<String, String> model, String identity) {

    /** An e-mail. */
    public OutgoingMessage(TenantId tenant, MessageTemplate template, String recipient, Locale locale,
                           Map<String, String> model, String identity) {
        this(tenant, Channel.EMAIL, template, recipient, locale, model, identity);
    }

    public OutgoingMessage {
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(channel);
        Objects.requireNonNull(template);
        Objects.requireNonNull(recipient);
        locale = locale == null ? Locale.ENGLISH : locale;
        model = Map.copyOf(model);
    }
}
