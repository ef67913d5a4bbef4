package dev.gatehouse.selfservice.code;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.db.ExpiredRows;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where one-time codes are kept, by tenant. The clean-up job deletes a code once it expired before the cutoff and
 * its flow is gone or expired before the cutoff too: while the flow lives, its old codes still count its wrong
 * tries and resends.
 */
public interface OneTimeCodeRepository extends ExpiredRows {

    void insert(OneTimeCode code);

    /** All codes ever issued for the flow, newest first. */
    List<OneTimeCode> ofFlow(TenantId tenant, UUID flowId);

    /** Marks every current code of the flow as used (a newer code replaces them, or one was used). */
    void retireAll(TenantId tenant, UUID flowId, Instant at);

    /** Counts one more wrong try against the code. */
    void countAttempt(TenantId tenant, UUID codeId);
}
