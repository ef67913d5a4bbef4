package dev.gatehouse.audit.alert.jdbc;

import dev.gatehouse.platform.db.ExpiredRows;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;

/**
 * Alert webhooks that were delivered or given up are kept {@value #KEPT_DAYS} days (what was sent, when, with which
 * status: the audit log itself keeps that the alert fired), then deleted by the clean-up job. Deliveries still
 * waiting are never deleted.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AlertDeliveryRetention implements ExpiredRows {

    static final int KEPT_DAYS = 7;

    @Resource(lookup = "jdbc/gatehouse")
    DataSource dataSource;

    @Override
    public int deleteExpired(Batch batch) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM audit_alert_delivery WHERE id IN (SELECT id FROM audit_alert_delivery"
                        + " WHERE (delivered_at IS NOT NULL OR failed_at IS NOT NULL) AND created_at < ? ORDER BY id LIMIT ?)")) {
            ps.setObject(1, batch.now().minus(Duration.ofDays(KEPT_DAYS)).atOffset(ZoneOffset.UTC));
            ps.setInt(2, batch.size());
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("audit alert deliveries: SQL state " + e.getSQLState(), e);
        }
    }
}
