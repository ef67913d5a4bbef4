package dev.gatehouse.platform.lease.jdbc;

import dev.gatehouse.platform.lease.JobLeases;
import dev.gatehouse.platform.trace.Traced;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * {@link JobLeases} on {@code job_lease}. A claim that another node's open transaction is changing waits for it (the
 * row lock, or the new key's), then sees that node's lease and answers no: claims are short transactions, so the
 * wait is too.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JdbcJobLeases implements JobLeases {

    @Inject
    @Traced
    DataSource dataSource;

    protected JdbcJobLeases() {
    }

    /** On a given data source (for tests outside the server). */
    public JdbcJobLeases(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean claim(String job, String holder, Instant now, Instant until) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE job_lease SET holder = ?, expires_at = ?"
                    + " WHERE name = ? AND (expires_at <= ? OR holder = ?)")) {
                ps.setString(1, holder);
                ps.setObject(2, utc(until));
                ps.setString(3, job);
                ps.setObject(4, utc(now));
                ps.setString(5, holder);
                if (ps.executeUpdate() == 1) {
                    return true;
                }
            }
            // no row yet, or held by another: the insert makes the first one, and does nothing when a row is there
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO job_lease (name, holder, expires_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT DO NOTHING")) {
                ps.setString(1, job);
                ps.setString(2, holder);
                ps.setObject(3, utc(until));
                return ps.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim the lease of job " + job + ": " + e.getSQLState(), e);
        }
    }

    @Override
    public boolean renew(String job, String holder, Instant until) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE job_lease SET expires_at = ? WHERE name = ? AND holder = ?")) {
            ps.setObject(1, utc(until));
            ps.setString(2, job);
            ps.setString(3, holder);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not renew the lease of job " + job + ": " + e.getSQLState(), e);
        }
    }

    @Override
    public void release(String job, String holder, Instant now) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE job_lease SET expires_at = ? WHERE name = ? AND holder = ?"
                     + " AND expires_at > ?")) {
            ps.setObject(1, utc(now));
            ps.setString(2, job);
            ps.setString(3, holder);
            ps.setObject(4, utc(now));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not release the lease of job " + job + ": " + e.getSQLState(), e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
