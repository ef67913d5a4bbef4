package dev.gatehouse.selfservice.code;

import dev.gatehouse.identity.IdentityId;
import dev.gatehouse.kernel.Ids;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.secrets.TokenHasher;
import dev.gatehouse.selfservice.SelfServiceConfig;
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

    private OneTimeCodeRepository codes;
    private TokenHasher hasher;
    private SelfServiceConfig config;
    private Clock clock;

    protected OneTimeCodes() {
        // for the container's proxy
    }

    @Inject
    public OneTimeCodes(OneTimeCodeRepository codes, TokenHasher hasher, SelfServiceConfig config, Clock clock) {
        this.codes = codes;
        this.hasher = hasher;
        this.config = config;
        this.clock = clock;
    }

    /**
     * A code made and stored; the plain code (and link token) exist only here and in the message that carries it.
     *
     * @param linkToken the sign-in link's 256-bit token, when one was asked for; else null
     */
    public record Issued(String code, Instant expiresAt, String linkToken) {
    }

    /**
     * What a code carries besides itself: a link (login; the {@code link} method of verification and recovery),
     * the traits it was sent for (registration).
     *
     * @param linkOnly only the link is sent: the six-digit code is replaced by an unguessable secret nobody
     *                 sees, so the flow cannot be completed by guessing a code
     */
    public record Extras(boolean withLink, String traits, boolean linkOnly) {
        public static final Extras NONE = new Extras(false, null, false);
        public static final Extras LINK_ONLY = new Extras(true, null, true);

        public Extras(boolean withLink, String traits) {
            this(withLink, traits, false);
        }
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
        return issue(tenant, flowId, purpose, address, identity, lifespan, Extras.NONE);
    }

    /** As {@link #issue(TenantId, UUID, CodePurpose, String, IdentityId, Duration)}, with a link or traits. */
    @Transactional
    public Optional<Issued> issue(TenantId tenant, UUID flowId, CodePurpose purpose, String address, IdentityId identity,
                                  Duration lifespan, Extras extras) {
        Instant now = clock.instant();
        if (!CodeRules.mayResend(codes.ofFlow(tenant, flowId), address, now, config.codeResendInterval())) {
            return Optional.empty();
        }
        codes.retireAll(tenant, flowId, now);
        String code = extras.linkOnly() ? Ids.token() : CodeRules.generate(random);
        Instant expiresAt = now.plus(lifespan);
        String token = extras.withLink() ? Ids.token() : null;
        codes.insert(new OneTimeCode(UUID.randomUUID(), tenant, flowId, purpose, address,
                hasher.hash(CodeRules.hashInput(flowId, code)), identity, 0, expiresAt, null, now,
                token == null ? null : hasher.hash(CodeRules.linkHashInput(flowId, token)), extras.traits()));
        return Optional.of(new Issued(extras.linkOnly() ? null : code, expiresAt, token));
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

    /** The flow's current code of that purpose, if any. */
    @Transactional
    public Optional<OneTimeCode> current(TenantId tenant, UUID flowId, CodePurpose purpose) {
        return Optional.ofNullable(CodeRules.current(codes.ofFlow(tenant, flowId))).filter(c -> c.purpose() == purpose);
    }

    /**
     * Checks a sign-in link's token against the flow's current code: accepted (and used up, with the code) only
     * if it is that code's link, unexpired, for a known identity, and the flow has tries left. A 256-bit token
     * cannot be guessed, so a refused one is not counted as a try (a stale link must not spend the flow).
     */
    @Transactional
    public Checked checkLink(TenantId tenant, UUID flowId, String token) {
        Instant now = clock.instant();
        List<OneTimeCode> all = codes.ofFlow(tenant, flowId);
        OneTimeCode current = CodeRules.current(all);
        boolean matches = current != null && current.linkHash() != null && token != null && token.length() <= 128
                && hasher.matches(CodeRules.linkHashInput(flowId, token), current.linkHash());
        CodeRules.Verdict verdict = CodeRules.judge(all, matches, now, config.codeMaxAttempts());
        if (verdict == CodeRules.Verdict.ACCEPTED) {
            codes.retireAll(tenant, flowId, now);
        }
        return new Checked(verdict, current);
    }

    /** Whether the flow has had all its tries. */
    @Transactional
    public boolean isExhausted(TenantId tenant, UUID flowId) {
        return CodeRules.attempts(codes.ofFlow(tenant, flowId)) >= config.codeMaxAttempts();
    }
}
