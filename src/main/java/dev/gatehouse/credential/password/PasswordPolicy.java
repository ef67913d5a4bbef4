package dev.gatehouse.credential.password;

import dev.gatehouse.kernel.config.EffectiveConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Whether a new password may be set, by the rules Ory Kratos applies (its {@code DefaultPasswordValidator})
 * and NIST SP 800-63B recommends: a length range in code points, not too similar to the identity's
 * identifiers ({@link IdentifierSimilarity}), and not a common password ({@link CommonPasswords}).
 * No composition rules (digits, symbols): they make passwords harder to remember, not to guess.
 *
 * <p>The rules are the current tenant's: its own {@code password.*} settings over the global ones
 * ({@link PasswordTenantSettings}), looked up on each check, so every flow that sets a password (registration, settings,
 * recovery) holds it to the policy of the tenant it belongs to.
 */
@ApplicationScoped
public class PasswordPolicy {

    private Supplier<PasswordConfig> rules;

    protected PasswordPolicy() {
    }

    /** The policy of the current request's tenant. */
    @Inject
    public PasswordPolicy(EffectiveConfig effective, PasswordTenantSettings settings) {
        this.rules = () -> effective.of(settings);
    }

    /** A policy with fixed rules, whatever the tenant. */
    public PasswordPolicy(PasswordConfig config) {
        Objects.requireNonNull(config, "config");
        this.rules = () -> config;
    }

    /**
     * The rules {@code password} breaks, as Kratos messages; empty when it is acceptable. A password of the
     * wrong length gets only that violation: the other rules would add noise to the one thing to fix, and a
     * too-long password is not compared with anything, since similarity costs its length times each
     * identifier's.
     *
     * @param identifiers the identity's login identifiers (email, username, …); empty ones are ignored
     */
    public List<PolicyViolation> check(String password, List<String> identifiers) {
        Objects.requireNonNull(password, "password");
        PasswordConfig config = rules.get();
        int length = password.codePointCount(0, password.length());
        if (length > config.maxLength()) {
            return List.of(PolicyViolation.maxLength(config.maxLength(), length));
        }
        if (length < config.minLength()) {
            return List.of(PolicyViolation.minLength(config.minLength(), length));
        }
        List<PolicyViolation> violations = new ArrayList<>(2);
        if (config.identifierSimilarity() && identifiers.stream()
                .filter(Objects::nonNull)
                .anyMatch(identifier -> IdentifierSimilarity.tooSimilar(identifier, password))) {
            violations.add(PolicyViolation.identifierTooSimilar());
        }
        if (config.breachedCheck() && CommonPasswords.contains(password)) {
            // The list says the password is common in breaches, not how often; 1 is what we know for sure.
            violations.add(PolicyViolation.tooManyBreaches(1));
        }
        return List.copyOf(violations);
    }
}
