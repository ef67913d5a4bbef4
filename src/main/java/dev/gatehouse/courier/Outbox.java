package dev.gatehouse.courier;

import dev.gatehouse.kernel.tenant.TenantId;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reading the outbox, tenant by tenant (admin API, dev outbox page). */
public interface Outbox {

    /** Newest first, optionally only one status and/or one recipient. */
    List<CourierMessage> list(TenantId tenant, Optional<MessageStatus> status, Optional<String> recipient, int offset, int limit);

    Optional<CourierMessage> find(TenantId tenant, UUID id);
}
