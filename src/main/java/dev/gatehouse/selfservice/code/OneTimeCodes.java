package dev.gatehouse.selfservice.code;

import dev.gatehouse.identity.IdentityId;
import dev.gatehouse.platform.secrets.TokenHasher;
import dev.gatehouse.selfservice.SelfServiceConfig;
import dev.gatehouse.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Issues and checks the one-time codes of a flow (see {@link CodeRules} for the rules themselves). */
@ApplicationScoped
public class OneTimeCodes {

    private final SecureRandom random = new SecureRandom();

    @Inject
    OneTimeCodeRepository codes;
    @Inject
    TokenHasher hasher;
    @Inject
    SelfServiceConfig config;
    @Inject
    Clock clock;

    /** A code made and stored; the plain code exists only here and in the message that carries it. */
    public record Issued(String code, Instant expiresAt) {
    }

    /** The result of a check: accepted with the code's row, refused, or the flow's tries are used up. */
    public record Checked(CodeRules.Verdict verdict, OneTimeCode code) {
    }

    /**
     * A new code for the flow, replacing its previous one; empty when a code went to the same address less
     * than the resend interval ago (then nothing changes). {@code identity} is null for an unknown address:
     * the code is stored all the same, so unknown and known addresses behave alike, but it never succeeds.
     */
    @Transactional
    public Optional<Issued> issue(TenantId tenant, UUID flowId, CodePurpose purpose, String address, IdentityId identity,
                                  Duration lifespan) {
        Instant now = clock.instant();
        if (!CodeRules.mayResend(codes.ofFlow(tenant, flowId), address, now, config.codeResendInterval())) {
            return Optional.empty();
        }
        codes.retireAll(tenant, flowId, now);
        String code = CodeRules.generate(random);
        Instant expiresAt = now.plus(lifespan);
        codes.insert(new OneTimeCode(UUID.randomUUID(), tenant, flowId, purpose, address,
                hasher.hash(CodeRules.hashInput(flowId, code)), identity, 0, expiresAt, null, now));
        return Optional.of(new Issued(code, expiresAt));
    }

    /** Checks a presented code, counting a refused one against the flow and using up an accepted one. */
    @Transactional
    public Checked check(TenantId tenant, UUID flowId, CodePurpose purpose, String presented) {
        Instant now = clock.instant();
        List<OneTimeCode> all = codes.ofFlow(tenant, flowId).stream().filter(c -> c.purpose() == purpose).toList();
        OneTimeCode current = CodeRules.current(all);
        boolean matches = current != null && CodeRules.isWellFormed(presented)
                && hasher.matches(CodeRules.hashInput(flowId, presented), current.codeHash());
        CodeRules.Verdict verdict = CodeRules.judge(all, matches, now, config.codeMaxAttempts());
        switch (verdict) {
            case ACCEPTED -> codes.retireAll(tenant, flowId, now);
            case REFUSED -> {
                if (current != null) {
                    codes.countAttempt(tenant, current.id());
                } else if (!all.isEmpty()) {
                    codes.countAttempt(tenant, all.get(0).id());
                }
            }
            case EXHAUSTED -> {
                // nothing more to count: the flow is spent
            }
        }
        return new Checked(verdict, current);
    }

    /** Whether the flow has had all its tries. */
    @Transactional
    public boolean isExhausted(TenantId tenant, UUID flowId) {
        return CodeRules.attempts(codes.ofFlow(tenant, flowId)) >= config.codeMaxAttempts();
    }
}
