package dev.gatehouse.courier.ui;

import dev.gatehouse.courier.CourierMessage;
import dev.gatehouse.courier.MessageStatus;
import dev.gatehouse.courier.Outbox;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Backing bean of the dev outbox page: the current tenant's held and queued messages, newest first. */
@Named
@RequestScoped
public class OutboxView {

    private static final int SHOWN = 100;

    @Inject
    Outbox outbox;
    @Inject
    CurrentTenant tenant;

    private List<CourierMessage> messages;

    /** Read in one short transaction the first time the page asks. */
    @Transactional
    public List<CourierMessage> getMessages() {
        if (messages == null) {
            TenantId id = tenant.isResolved() ? tenant.id() : TenantId.DEFAULT;
            List<CourierMessage> all = new ArrayList<>();
            for (MessageStatus s : List.of(MessageStatus.HELD, MessageStatus.QUEUED, MessageStatus.PROCESSING)) {
                all.addAll(outbox.list(id, Optional.of(s), Optional.empty(), 0, SHOWN));
            }
            all.sort(Comparator.comparing(CourierMessage::createdAt).reversed());
            messages = all.stream().limit(SHOWN).toList();
        }
        return messages;
    }
}
