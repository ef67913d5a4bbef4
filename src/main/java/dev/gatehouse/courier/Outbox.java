package dev.gatehouse.courier;

import dev.gatehouse.kernel.tenant.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reading the outbox, tenant by tenant (admin API, dev outbox page), and queueing an abandoned message again. */
public interface Outbox {

    /** Newest first, optionally only one status and/or one recipient. */
    List<CourierMessage> list(TenantId tenant, Optional<MessageStatus> status, Optional<String> recipient, int offset, int limit);

    Optional<CourierMessage> find(TenantId tenant, UUID id);

    /**
     * Makes an abandoned message {@code queued} again, due at {@code now}, with its attempts counted from zero; false
     * when the tenant has no such message or it is not abandoned (checked by the update itself).
     */
    boolean requeue(TenantId tenant, UUID id, Instant now);
}
