package dev.gatehouse.audit.alert;

import dev.gatehouse.audit.AuditFilter;
import dev.gatehouse.jwk.KeyEncryptionKey;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Alert rules, which of their groups have fired, and webhook deliveries. Every method runs in the caller's
 * transaction; the rule methods are scoped by tenant, the evaluator's by the lock it takes first.
 */
public interface AlertStore {

    /** Most rules one tenant may have. */
    int MAX_RULES_PER_TENANT = 100;

    /** A group of a rule's rows and how many there are in the window ({@code group}: "" for rows without a value). */
    record GroupCount(String group, long count) {
    }

    /** A webhook delivery claimed for sending, with where to and the secret to sign with (sealed). */
    record Delivery(long id, String tenant, String ruleId, String messageId, String body, int attempts, URI url,
                    KeyEncryptionKey.Sealed secret) {
    }

    void insert(AlertRule rule);

    /** Replaces the rule's definition; false when the tenant has no such rule. */
    boolean update(AlertRule rule);

    /** Deletes the rule, its firing state and its undelivered webhooks; false when the tenant has no such rule. */
    boolean delete(String tenant, String id);

    Optional<AlertRule> find(String tenant, String id);

    /** The tenant's rules, oldest first. */
    List<AlertRule> list(String tenant);

    long count(String tenant);

    /** Takes the evaluator's row lock: another node's evaluator waits until this transaction ends. */
    void lockEvaluator();

    /** Every tenant's rules, up to {@code limit}, for the evaluator. */
    List<AlertRule> all(int limit);

    /** Groups of the tenant's rows matching the filter with more than {@code threshold} rows, most first. */
    List<GroupCount> groupsAbove(String tenant, AuditFilter filter, AlertGroupBy groupBy, long threshold, int limit);

    /** The ids of the newest rows of one group (as {@link #groupsAbove} named it). */
    List<Long> sample(String tenant, AuditFilter filter, AlertGroupBy groupBy, String group, int limit);

    /** The rule's groups that fired and have not dropped to the threshold since. */
    Set<String> firing(String tenant, String ruleId);

    void fired(String tenant, String ruleId, String group, Instant at);

    void cleared(String tenant, String ruleId, String group);

    /** Queues a webhook delivery, due at once. */
    void enqueue(String tenant, String ruleId, String messageId, String body, Instant now);

    /**
     * Deliveries that are due, up to {@code limit}, pushed to {@code leaseUntil} so no other run sends them meanwhile;
     * a delivery whose rule is gone is given up.
     */
    List<Delivery> claimDue(Instant now, Instant leaseUntil, int limit);

    void delivered(long id, Instant at, int status);

    /** Another attempt failed: try again at {@code next}, or give up when {@code next} is null. */
    void attemptFailed(long id, int attempts, Instant next, Integer status, Instant now);
}
