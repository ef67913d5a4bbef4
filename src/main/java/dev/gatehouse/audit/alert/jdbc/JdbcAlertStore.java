package dev.gatehouse.audit.alert.jdbc;

import dev.gatehouse.audit.AuditFilter;
import dev.gatehouse.audit.alert.AlertGroupBy;
import dev.gatehouse.audit.alert.AlertRule;
import dev.gatehouse.audit.alert.AlertStore;
import dev.gatehouse.audit.jdbc.JdbcAuditLog;
import dev.gatehouse.jwk.KeyEncryptionKey;
import dev.gatehouse.kernel.JsonP;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.io.StringReader;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link AlertStore} in hand JDBC (see the package comment). */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JdbcAlertStore implements AlertStore {

    private static final String RULE_COLUMNS = "tenant_id, id, name, query, search_id, group_by, threshold, window_ms,"
            + " webhook_url, secret_ciphertext, secret_iv, secret_kek_id, created_at, updated_at";

    @Resource(lookup = "jdbc/gatehouse")
    DataSource dataSource;

    /** One statement's work on its result or update count. */
    @FunctionalInterface
    private interface Work<T> {
        T run(PreparedStatement ps) throws SQLException;
    }

    private <T> T run(String sql, List<?> args, Work<T> work) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            return work.run(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("audit alerts: SQL state " + e.getSQLState(), e);
        }
    }

    private int update(String sql, Object... args) {
        return run(sql, Arrays.asList(args), PreparedStatement::executeUpdate);
    }

    @Override
    public void insert(AlertRule r) {
        update("INSERT INTO audit_alert_rule (" + RULE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.tenant(), r.id(), r.name(), queryJson(r.query()), r.searchId(), r.groupBy().wire(),
                r.threshold(), r.window().toMillis(), r.webhookUrl().toString(), r.secret().ciphertext(), r.secret().iv(),
                r.secret().kekId(), utc(r.createdAt()), utc(r.updatedAt()));
    }

    @Override
    public boolean update(AlertRule r) {
        int n = update("UPDATE audit_alert_rule SET name = ?, query = ?, search_id = ?, group_by = ?, threshold = ?,"
                        + " window_ms = ?, webhook_url = ?, secret_ciphertext = ?, secret_iv = ?, secret_kek_id = ?,"
                        + " updated_at = ? WHERE tenant_id = ? AND id = ?",
                r.name(), queryJson(r.query()), r.searchId(), r.groupBy().wire(), r.threshold(),
                r.window().toMillis(), r.webhookUrl().toString(), r.secret().ciphertext(), r.secret().iv(),
                r.secret().kekId(), utc(r.updatedAt()), r.tenant(), r.id());
        if (n > 0) {
            // a changed rule starts afresh: what fired under the old definition says nothing about the new one
            update("DELETE FROM audit_alert_firing WHERE tenant_id = ? AND rule_id = ?", r.tenant(), r.id());
        }
        return n > 0;
    }

    @Override
    public boolean delete(String tenant, String id) {
        update("DELETE FROM audit_alert_firing WHERE tenant_id = ? AND rule_id = ?", tenant, id);
        update("DELETE FROM audit_alert_delivery WHERE tenant_id = ? AND rule_id = ? AND delivered_at IS NULL",
                tenant, id);
        return update("DELETE FROM audit_alert_rule WHERE tenant_id = ? AND id = ?", tenant, id) > 0;
    }

    @Override
    public Optional<AlertRule> find(String tenant, String id) {
        return rules("SELECT " + RULE_COLUMNS + " FROM audit_alert_rule WHERE tenant_id = ? AND id = ?",
                List.of(tenant, id)).stream().findFirst();
    }

    @Override
    public List<AlertRule> list(String tenant) {
        return rules("SELECT " + RULE_COLUMNS + " FROM audit_alert_rule WHERE tenant_id = ? ORDER BY created_at, id LIMIT ?",
                List.of(tenant, MAX_RULES_PER_TENANT));
    }

    @Override
    public long count(String tenant) {
        return run("SELECT COUNT(*) FROM audit_alert_rule WHERE tenant_id = ?", List.of(tenant), ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public void lockEvaluator() {
        run("SELECT id FROM audit_alert_evaluator WHERE id = 1 FOR UPDATE", List.of(), ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    @Override
    public List<AlertRule> all(int limit) {
        return rules("SELECT " + RULE_COLUMNS + " FROM audit_alert_rule ORDER BY tenant_id, created_at, id LIMIT ?",
                List.of(limit));
    }

    @Override
    public List<GroupCount> groupsAbove(String tenant, AuditFilter filter, AlertGroupBy groupBy, long threshold, int limit) {
        String group = groupExpression(groupBy);
        StringBuilder sql = new StringBuilder("SELECT " + group + ", COUNT(*) FROM audit_event WHERE tenant_id = ?");
        List<Object> args = new ArrayList<>(List.of(tenant));
        JdbcAuditLog.conditions(filter, sql, args);
        if (groupBy.column().isPresent()) {
            sql.append(" GROUP BY ").append(group).append(" HAVING COUNT(*) > ? ORDER BY COUNT(*) DESC, ")
                    .append(group).append(" LIMIT ?");
        } else {
            // one group of every row: PostgreSQL refuses a constant in GROUP BY, and needs none here
            sql.append(" HAVING COUNT(*) > ? LIMIT ?");
        }
        args.add(threshold);
        args.add(limit);
        return run(sql.toString(), args, ps -> {
            List<GroupCount> groups = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    groups.add(new GroupCount(rs.getString(1), rs.getLong(2)));
                }
            }
            return groups;
        });
    }

    @Override
    public List<Long> sample(String tenant, AuditFilter filter, AlertGroupBy groupBy, String group, int limit) {
        StringBuilder sql = new StringBuilder("SELECT seq FROM audit_event WHERE tenant_id = ?");
        List<Object> args = new ArrayList<>(List.of(tenant));
        JdbcAuditLog.conditions(filter, sql, args);
        sql.append(" AND ").append(groupExpression(groupBy)).append(" = ? ORDER BY seq DESC LIMIT ?");
        args.add(group);
        args.add(limit);
        return run(sql.toString(), args, ps -> {
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    @Override
    public Set<String> firing(String tenant, String ruleId) {
        return run("SELECT group_key FROM audit_alert_firing WHERE tenant_id = ? AND rule_id = ?", List.of(tenant, ruleId),
                ps -> {
                    Set<String> groups = new HashSet<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            groups.add(rs.getString(1));
                        }
                    }
                    return groups;
                });
    }

    @Override
    public void fired(String tenant, String ruleId, String group, Instant at) {
        update("INSERT INTO audit_alert_firing (tenant_id, rule_id, group_key, fired_at) VALUES (?, ?, ?, ?)",
                tenant, ruleId, group, utc(at));
    }

    @Override
    public void cleared(String tenant, String ruleId, String group) {
        update("DELETE FROM audit_alert_firing WHERE tenant_id = ? AND rule_id = ? AND group_key = ?", tenant, ruleId, group);
    }

    @Override
    public void enqueue(String tenant, String ruleId, String messageId, String body, Instant now) {
        update("INSERT INTO audit_alert_delivery (tenant_id, rule_id, message_id, body, attempts, next_attempt_at,"
                + " created_at) VALUES (?, ?, ?, ?, 0, ?, ?)", tenant, ruleId, messageId, body, utc(now), utc(now));
    }

    @Override
    public List<Delivery> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<Delivery> due = run("SELECT d.id, d.tenant_id, d.rule_id, d.message_id, d.body, d.attempts, r.webhook_url,"
                        + " r.secret_ciphertext, r.secret_iv, r.secret_kek_id FROM audit_alert_delivery d"
                        + " LEFT JOIN audit_alert_rule r ON r.tenant_id = d.tenant_id AND r.id = d.rule_id"
                        + " WHERE d.delivered_at IS NULL AND d.failed_at IS NULL AND d.next_attempt_at <= ?"
                        + " ORDER BY d.next_attempt_at, d.id LIMIT ?",
                List.of(utc(now), limit), ps -> {
                    List<Delivery> rows = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String url = rs.getString(7);
                            rows.add(new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5), rs.getInt(6), url == null ? null : URI.create(url),
                                    url == null ? null : new KeyEncryptionKey.Sealed(rs.getString(8), rs.getString(9),
                                            rs.getString(10))));
                        }
                    }
                    return rows;
                });
        List<Delivery> claimed = new ArrayList<>();
        for (Delivery d : due) {
            if (d.url() == null) {
                update("UPDATE audit_alert_delivery SET failed_at = ? WHERE id = ?", utc(now), d.id());
            } else {
                update("UPDATE audit_alert_delivery SET next_attempt_at = ? WHERE id = ?", utc(leaseUntil), d.id());
                claimed.add(d);
            }
        }
        return claimed;
    }

    @Override
    public void delivered(long id, Instant at, int status) {
        update("UPDATE audit_alert_delivery SET delivered_at = ?, attempts = attempts + 1, last_status = ? WHERE id = ?",
                utc(at), status, id);
    }

    @Override
    public void attemptFailed(long id, int attempts, Instant next, Integer status, Instant now) {
        if (next == null) {
            update("UPDATE audit_alert_delivery SET attempts = ?, last_status = ?, failed_at = ? WHERE id = ?",
                    attempts, status, utc(now), id);
        } else {
            update("UPDATE audit_alert_delivery SET attempts = ?, last_status = ?, next_attempt_at = ? WHERE id = ?",
                    attempts, status, utc(next), id);
        }
    }

    /** The group of a row as SQL: a fixed column name from the enum, never request text. */
    private static String groupExpression(AlertGroupBy groupBy) {
        return groupBy.column().map(c -> "COALESCE(" + c + ", '')").orElse("''");
    }

    private List<AlertRule> rules(String sql, List<?> args) {
        return run(sql, args, ps -> {
            List<AlertRule> rules = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rules.add(new AlertRule(rs.getString(1), rs.getString(2), rs.getString(3), query(rs.getString(4)),
                            rs.getString(5), AlertGroupBy.parse(rs.getString(6)).orElse(AlertGroupBy.NONE), rs.getLong(7),
                            Duration.ofMillis(rs.getLong(8)), URI.create(rs.getString(9)),
                            new KeyEncryptionKey.Sealed(rs.getString(10), rs.getString(11), rs.getString(12)),
                            rs.getObject(13, OffsetDateTime.class).toInstant(),
                            rs.getObject(14, OffsetDateTime.class).toInstant()));
                }
            }
            return rules;
        });
    }

    private static String queryJson(Map<String, List<String>> query) {
        JsonObjectBuilder b = JsonP.createObjectBuilder();
        query.forEach((name, values) -> {
            JsonArrayBuilder a = JsonP.createArrayBuilder();
            values.forEach(a::add);
            b.add(name, a);
        });
        return b.build().toString();
    }

    private static Map<String, List<String>> query(String json) {
        try (var reader = JsonP.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            Map<String, List<String>> query = new LinkedHashMap<>();
            o.forEach((name, values) -> query.put(name, values.asJsonArray().getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString).toList()));
            return query;
        }
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
