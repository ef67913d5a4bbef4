package dev.gatehouse.audit.jdbc;

import dev.gatehouse.platform.trace.Traced;
import dev.gatehouse.audit.AuditEntry;
import dev.gatehouse.audit.AuditFilter;
import dev.gatehouse.audit.AuditLog;
import dev.gatehouse.audit.AuditRow;
import dev.gatehouse.audit.HashChain;
import dev.gatehouse.platform.db.DatabaseConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The audit log's tables in hand JDBC (see the package comment for why). Every method runs in the caller's transaction;
 * connections taken here inside it are the transaction's own.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JdbcAuditLog implements AuditLog {

    private static final String COLUMNS = "seq, recorded_at, tenant_id, occurred_at, event_type, action, resource_type,"
            + " resource_id, actor_type, actor_id, subject, client_id, result, reason, aal, verification, device_class,"
            + " os, browser, user_agent, ip, request_id, trace_id, details, hash";
    private static final char ESCAPE = '!';
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(JdbcAuditLog.class.getName());

    @Inject
    @Traced
    DataSource dataSource;

    private DatabaseConfig database;

    protected JdbcAuditLog() {
    }

    @Inject
    public JdbcAuditLog(DatabaseConfig database) {
        this.database = database;
    }

    /** A row waiting in the outbox. */
    private record Pending(long id, AuditEntry entry) {
    }

    /** Records an event in the outbox, in the caller's transaction. */
    @Override
    public boolean enqueue(AuditEntry entry) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO audit_outbox (tenant_id, occurred_at, entry) VALUES (?, ?, ?)")) {
            ps.setString(1, entry.tenant());
            ps.setObject(2, utc(entry.occurredAt()));
            ps.setString(3, entry.toJson().toString());
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            LOG.warning("An audit event could not be recorded (" + entry.eventType() + " in tenant " + entry.tenant()
                    + "): SQL state " + e.getSQLState());
            return false;
        }
    }

    /**
     * Takes the writer's lock (others wait until this transaction ends), moves up to {@code limit} outbox rows, oldest
     * first, to the end of their tenants' chains, and answers how many.
     */
    @Override
    public int moveBatch(int limit, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("SELECT id FROM audit_writer WHERE id = 1 FOR UPDATE");
                 ResultSet rs = lock.executeQuery()) {
                rs.next();
            }
            List<Pending> pending = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, entry FROM audit_outbox ORDER BY id LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        try (var reader = AuditEntry.JSON.createReader(new StringReader(rs.getString(2)))) {
                            pending.add(new Pending(rs.getLong(1), AuditEntry.fromJson(reader.readObject())));
                        }
                    }
                }
            }
            if (pending.isEmpty()) {
                return 0;
            }
            Map<String, AuditRow> heads = new LinkedHashMap<>();
            Map<String, Boolean> headExists = new LinkedHashMap<>();
            List<AuditRow> rows = new ArrayList<>(pending.size());
            for (Pending p : pending) {
                String tenant = p.entry().tenant();
                if (!headExists.containsKey(tenant)) {
                    String hash = HashChain.GENESIS;
                    long last = 0;
                    try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash FROM audit_chain_head WHERE tenant_id = ?")) {
                        ps.setString(1, tenant);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) {
                                last = rs.getLong(1);
                                hash = rs.getString(2);
                                headExists.put(tenant, true);
                            } else {
                                headExists.put(tenant, false);
                            }
                        }
                    }
                    heads.put(tenant, new AuditRow(last, now, p.entry(), hash));
                }
                AuditRow previous = heads.get(tenant);
                AuditRow row = HashChain.append(previous.hash(), previous.seq(), now, p.entry());
                heads.put(tenant, row);
                rows.add(row);
            }
            insert(c, rows);
            try (PreparedStatement update = c.prepareStatement("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE tenant_id = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO audit_chain_head (tenant_id, last_seq, last_hash) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, AuditRow> h : heads.entrySet()) {
                    if (headExists.get(h.getKey())) {
                        update.setLong(1, h.getValue().seq());
                        update.setString(2, h.getValue().hash());
                        update.setString(3, h.getKey());
                        update.addBatch();
                    } else {
                        insert.setString(1, h.getKey());
                        insert.setLong(2, h.getValue().seq());
                        insert.setString(3, h.getValue().hash());
                        insert.addBatch();
                    }
                }
                update.executeBatch();
                insert.executeBatch();
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM audit_outbox WHERE id = ?")) {
                for (Pending p : pending) {
                    delete.setLong(1, p.id());
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            return pending.size();
        } catch (SQLException e) {
            throw failure("could not move audit events into the chain", e);
        }
    }

    /** Appends rows as they are given (their links computed already); for the writer and for data generators. */
    public static void insert(Connection c, List<AuditRow> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_event (" + COLUMNS + ") VALUES ("
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditRow r : rows) {
                AuditEntry e = r.entry();
                int i = 1;
                ps.setLong(i++, r.seq());
                ps.setObject(i++, utc(r.recordedAt()));
                ps.setString(i++, e.tenant());
                ps.setObject(i++, utc(e.occurredAt()));
                ps.setString(i++, e.eventType());
                ps.setString(i++, e.action());
                ps.setString(i++, e.resourceType());
                ps.setString(i++, e.resourceId());
                ps.setString(i++, e.actorType().wire());
                ps.setString(i++, e.actorId());
                ps.setString(i++, e.subject());
                ps.setString(i++, e.clientId());
                ps.setString(i++, e.result().wire());
                ps.setString(i++, e.reason());
                ps.setString(i++, e.aal());
                ps.setString(i++, e.verification());
                ps.setString(i++, e.deviceClass());
                ps.setString(i++, e.os());
                ps.setString(i++, e.browser());
                ps.setString(i++, e.userAgent());
                ps.setString(i++, e.ip());
                ps.setString(i++, e.requestId());
                ps.setString(i++, e.traceId());
                ps.setString(i++, e.details());
                ps.setString(i, r.hash());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public Backlog backlog(String tenant) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), MIN(occurred_at) FROM audit_outbox WHERE tenant_id = ?")) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
                return new Backlog(rs.getLong(1), oldest == null ? null : oldest.toInstant());
            }
        } catch (SQLException e) {
            throw failure("could not read the audit outbox", e);
        }
    }

    @Override
    public List<AuditRow> find(String tenant, AuditFilter f) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, tenant, f);
        } catch (SQLException e) {
            throw failure("could not read the audit log", e);
        }
    }

    /** {@link #find(String, AuditFilter)} on a given connection (also for the benchmark's data generator). */
    public static List<AuditRow> find(Connection c, String tenant, AuditFilter f) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_event WHERE tenant_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(tenant);
        conditions(f, sql, args);
        String cmp = f.descending() ? "<" : ">";
        f.after().ifPresent(cursor -> {
            // the first bound alone is what lets the planner start in the (tenant_id, occurred_at, seq) index
            sql.append(" AND occurred_at ").append(cmp).append("= ? AND (occurred_at ").append(cmp)
                    .append(" ? OR (occurred_at = ? AND seq ").append(cmp).append(" ?))");
            args.add(utc(cursor.time()));
            args.add(utc(cursor.time()));
            args.add(utc(cursor.time()));
            args.add(cursor.seq());
        });
        String dir = f.descending() ? " DESC" : " ASC";
        sql.append(" ORDER BY occurred_at").append(dir).append(", seq").append(dir).append(" LIMIT ?");
        args.add(f.limit());
        return select(c, sql.toString(), args, r -> true);
    }

    /**
     * Appends the filter's window, column and keyword conditions ({@code AND ...}) and their arguments to a query of
     * {@code audit_event} whose WHERE already names the tenant (not the cursor, order or limit).
     */
    public static void conditions(AuditFilter f, StringBuilder sql, List<Object> args) {
        if (f.from() != null) {
            sql.append(" AND occurred_at >= ?");
            args.add(utc(f.from()));
        }
        if (f.to() != null) {
            sql.append(" AND occurred_at < ?");
            args.add(utc(f.to()));
        }
        for (String column : AuditFilter.COLUMNS) { // a fixed list: no request text becomes SQL
            List<String> values = f.equals().get(column);
            if (values == null || values.isEmpty()) {
                continue;
            }
            sql.append(" AND ").append(column).append(" IN (").append("?, ".repeat(values.size() - 1)).append("?)");
            args.addAll(values);
        }
        f.keyword().ifPresent(q -> {
            String pattern = "%" + escapeLike(q.toLowerCase(Locale.ROOT)) + "%";
            sql.append(" AND (LOWER(action) LIKE ? ESCAPE '!' OR LOWER(resource_type) LIKE ? ESCAPE '!'"
                    + " OR LOWER(resource_id) LIKE ? ESCAPE '!' OR LOWER(details) LIKE ? ESCAPE '!')");
            for (int i = 0; i < 4; i++) {
                args.add(pattern);
            }
        });
    }

    /** {@code %}, {@code _} and the escape character itself, each preceded by the escape character. */
    public static String escapeLike(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (char ch : text.toCharArray()) {
            if (ch == '%' || ch == '_' || ch == ESCAPE) {
                sb.append(ESCAPE);
            }
            sb.append(ch);
        }
        return sb.toString();
    }

    /** Up to {@code limit} rows of a tenant's chain after {@code afterSeq}, in seq order. */
    @Override
    public List<AuditRow> chain(String tenant, long afterSeq, int limit) {
        return select("SELECT " + COLUMNS + " FROM audit_event WHERE tenant_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                List.of(tenant, afterSeq, limit), r -> true);
    }

    /** The first row written for {@code identity} of one of these types, oldest first. */
    @Override
    public Optional<AuditRow> firstAbout(String tenant, String identity, List<String> eventTypes) {
        String in = "?, ".repeat(eventTypes.size() - 1) + "?";
        List<Object> args = new ArrayList<>(List.of(tenant, identity));
        args.addAll(eventTypes);
        return select("SELECT " + COLUMNS + " FROM audit_event WHERE tenant_id = ? AND subject = ? AND event_type IN ("
                + in + ") ORDER BY seq LIMIT 1", args, r -> true).stream().findFirst();
    }

    @Override
    public Ends ends(String tenant) {
        long headSeq = 0;
        String headHash = HashChain.GENESIS;
        long startSeq = 0;
        String startHash = HashChain.GENESIS;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash FROM audit_chain_head WHERE tenant_id = ?")) {
                ps.setString(1, tenant);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        headSeq = rs.getLong(1);
                        headHash = rs.getString(2);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash FROM audit_checkpoint WHERE tenant_id = ?")) {
                ps.setString(1, tenant);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        startSeq = rs.getLong(1);
                        startHash = rs.getString(2);
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("could not read the audit chain", e);
        }
        return new Ends(headSeq, headHash, startSeq, startHash);
    }

    /** Tenants with rows in the log (those whose chain has a head), for the retention job: across tenants. */
    @Override
    public Map<String, Instant> firstOccurred() {
        Map<String, Instant> firsts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT h.tenant_id, (SELECT e.occurred_at FROM audit_event e"
                     + " WHERE e.tenant_id = h.tenant_id ORDER BY e.seq FETCH FIRST 1 ROW ONLY) FROM audit_chain_head h"
                     + " ORDER BY h.tenant_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                OffsetDateTime first = rs.getObject(2, OffsetDateTime.class);
                if (first != null) {
                    firsts.put(rs.getString(1), first.toInstant());
                }
            }
        } catch (SQLException e) {
            throw failure("could not list the audit log's tenants", e);
        }
        return firsts;
    }

    /** The oldest rows of a tenant, up to {@code limit}, that occurred before {@code cutoff}. */
    @Override
    public List<AuditRow> oldest(String tenant, Instant cutoff, int limit) {
        return select("SELECT " + COLUMNS + " FROM audit_event WHERE tenant_id = ? ORDER BY seq LIMIT ?",
                List.of(tenant, limit), r -> r.entry().occurredAt().isBefore(cutoff));
    }

    /**
     * Deletes a tenant's rows up to and including {@code throughSeq} and makes that row's hash the chain's start. On
     * PostgreSQL through {@code audit_prune}, which runs as the schema's owner (the application's role may not delete).
     */
    @Override
    public int prune(String tenant, long throughSeq, String throughHash, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            if (database.kind() == DatabaseConfig.Kind.POSTGRESQL) {
                try (PreparedStatement ps = c.prepareStatement("SELECT audit_prune(?, ?)")) {
                    ps.setString(1, tenant);
                    ps.setLong(2, throughSeq);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getInt(1);
                    }
                }
            }
            int deleted;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM audit_event WHERE tenant_id = ? AND seq <= ?")) {
                ps.setString(1, tenant);
                ps.setLong(2, throughSeq);
                deleted = ps.executeUpdate();
            }
            int updated;
            try (PreparedStatement ps = c.prepareStatement("UPDATE audit_checkpoint SET last_seq = ?, last_hash = ?, pruned_at = ? WHERE tenant_id = ?")) {
                ps.setLong(1, throughSeq);
                ps.setString(2, throughHash);
                ps.setObject(3, utc(now));
                ps.setString(4, tenant);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_checkpoint (tenant_id, last_seq, last_hash, pruned_at) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, tenant);
                    ps.setLong(2, throughSeq);
                    ps.setString(3, throughHash);
                    ps.setObject(4, utc(now));
                    ps.executeUpdate();
                }
            }
            return deleted;
        } catch (SQLException e) {
            throw failure("could not prune the audit log", e);
        }
    }

    private List<AuditRow> select(String sql, List<Object> args, Predicate<AuditRow> keep) {
        try (Connection c = dataSource.getConnection()) {
            return select(c, sql, args, keep);
        } catch (SQLException e) {
            throw failure("could not read the audit log", e);
        }
    }

    private static List<AuditRow> select(Connection c, String sql, List<Object> args, Predicate<AuditRow> keep) throws SQLException {
        List<AuditRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AuditRow row = row(rs);
                    if (!keep.test(row)) {
                        break;
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    static AuditRow row(ResultSet rs) throws SQLException {
        AuditEntry e = new AuditEntry(rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8),
                AuditEntry.ActorType.parse(rs.getString(9)).orElse(AuditEntry.ActorType.SYSTEM), rs.getString(10),
                rs.getString(11), rs.getString(12), AuditEntry.Result.parse(rs.getString(13)).orElse(AuditEntry.Result.FAILURE),
                rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18), rs.getString(19),
                rs.getString(20), rs.getString(21), rs.getString(22), rs.getString(23), rs.getString(24));
        return new AuditRow(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), e, rs.getString(25));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException(what + ": " + e.getSQLState(), e);
    }
}
