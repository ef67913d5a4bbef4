package dev.gatehouse.audit.metrics.jdbc;

import dev.gatehouse.audit.metrics.AuditMetrics;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit metrics in SQL that runs on PostgreSQL and the embedded database. Both queries start in the
 * {@code (tenant_id, event_type, occurred_at)} index; the verification side reads only verifications from the
 * window's start on, so the cost follows the window, not the log.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JdbcAuditMetrics implements AuditMetrics {

    private static final String TIME_TO_VERIFICATION = """
            SELECT grp, COUNT(*), COUNT(secs),
                   PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY secs),
                   PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY secs)
            FROM (
                SELECT %s AS grp,
                       EXTRACT(EPOCH FROM v.verified_at) - EXTRACT(EPOCH FROM r.occurred_at) AS secs
                FROM audit_event r
                LEFT JOIN (SELECT subject, MIN(occurred_at) AS verified_at FROM audit_event
                           WHERE tenant_id = ? AND event_type = 'verification_succeeded' AND occurred_at >= ?
                           GROUP BY subject) v
                       ON v.subject = r.subject AND v.verified_at >= r.occurred_at
                WHERE r.tenant_id = ? AND r.event_type = 'registration' AND r.occurred_at >= ? AND r.occurred_at < ?
            ) t
            GROUP BY grp ORDER BY grp
            """;
    private static final String FAILED_VERIFICATIONS = """
            SELECT COALESCE(device_class, 'other'), client_id, COUNT(*) FROM audit_event
            WHERE tenant_id = ? AND event_type = 'verification_failed' AND occurred_at >= ? AND occurred_at < ?
            GROUP BY COALESCE(device_class, 'other'), client_id
            ORDER BY COUNT(*) DESC, COALESCE(device_class, 'other'), client_id
            """;

    @Resource(lookup = "jdbc/gatehouse")
    DataSource dataSource;

    @Override
    public List<TimeToVerification> timeToVerification(String tenant, Instant from, Instant to, Grouping grouping) {
        String group = grouping == Grouping.DEVICE_CLASS ? "COALESCE(r.device_class, 'other')" : "'all'";
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(TIME_TO_VERIFICATION.formatted(group))) {
            ps.setString(1, tenant);
            ps.setObject(2, utc(from));
            ps.setString(3, tenant);
            ps.setObject(4, utc(from));
            ps.setObject(5, utc(to));
            ps.setMaxRows(MAX_GROUPS);
            List<TimeToVerification> groups = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    groups.add(new TimeToVerification(rs.getString(1), rs.getLong(2), rs.getLong(3),
                            nullable(rs, 4), nullable(rs, 5)));
                }
            }
            return groups;
        } catch (SQLException e) {
            throw new IllegalStateException("audit metric time-to-verification: SQL state " + e.getSQLState(), e);
        }
    }

    @Override
    public List<FailedVerifications> failedVerifications(String tenant, Instant from, Instant to) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(FAILED_VERIFICATIONS)) {
            ps.setString(1, tenant);
            ps.setObject(2, utc(from));
            ps.setObject(3, utc(to));
            ps.setMaxRows(MAX_GROUPS);
            List<FailedVerifications> groups = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    groups.add(new FailedVerifications(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
            }
            return groups;
        } catch (SQLException e) {
            throw new IllegalStateException("audit metric failed-verifications: SQL state " + e.getSQLState(), e);
        }
    }

    private static Double nullable(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
