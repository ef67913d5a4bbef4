package dev.gatehouse.selfservice.code;

import dev.gatehouse.courier.Channel;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.throttle.FailureCounts;
import dev.gatehouse.selfservice.SelfServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;

/**
 * How many codes may go to one address, over all flows and nodes: {@code code.send-limit.sms} per phone number and
 * {@code code.send-limit.email} per e-mail address within {@code code.send-limit.window}. (The resend interval
 * only spaces codes within one flow; a new flow per code would get round it.) Counted in the throttle table
 * ({@link FailureCounts}, kinds {@code code_send_sms} and {@code code_send_email}): the send that reaches the limit
 * locks the address for one window ({@link #exhausted} before a code is issued, {@link #counted} once it was). Addresses are counted in the form identifiers are stored in (E.164 for a
 * number), so one number written in two countries' formats is one count. A send to an unknown address counts as
 * well, so the limit says nothing about who is registered. Runs in the caller's transaction.
 */
@ApplicationScoped
public class SendLimits {

    private FailureCounts counts;
    private SelfServiceConfig config;
    private Clock clock;

    protected SendLimits() {
        // for the container's proxy
    }

    @Inject
    public SendLimits(FailureCounts counts, SelfServiceConfig config, Clock clock) {
        this.counts = counts;
        this.config = config;
        this.clock = clock;
    }

    /** Whether {@code address} has had its codes for this window. */
    public boolean exhausted(TenantId tenant, Channel channel, String address) {
        Instant now = clock.instant();
        return counts.standing(tenant, kind(channel), address).filter(s -> s.lockedAt(now)).isPresent();
    }

    /** Counts a code that was just issued for {@code address}. */
    public void counted(TenantId tenant, Channel channel, String address) {
        int limit = channel == Channel.SMS ? config.codeSendLimitSms() : config.codeSendLimitEmail();
        counts.count(tenant, kind(channel), address, new FailureCounts.Limits(limit, config.codeSendLimitWindow(),
                config.codeSendLimitWindow(), config.codeSendLimitWindow()), clock.instant());
    }

    private static String kind(Channel channel) {
        return "code_send_" + channel.wire();
    }
}
