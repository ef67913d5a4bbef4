package dev.gatehouse.audit.alert;

import dev.gatehouse.jwk.KeyEncryptionKey;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A tenant's alert rule as stored: count the rows matching {@code query} (the query API's filters) within the last
 * {@code window}, per {@code groupBy}; a group with more than {@code threshold} rows fires, once, to the webhook.
 *
 * @param query    filter name → accepted values, as {@code /admin/audit/events} takes them
 * @param searchId a saved search the rule was made from, kept as given (null when none)
 * @param secret   the webhook secret, sealed under the key-encryption key
 */
public record AlertRule(String tenant, String id, String name, Map<String, List<String>> query, String searchId,
                        AlertGroupBy groupBy, long threshold, Duration window, URI webhookUrl, KeyEncryptionKey.Sealed secret,
                        Instant createdAt, Instant updatedAt) {

    public AlertRule {
        query = Map.copyOf(query);
    }
}
