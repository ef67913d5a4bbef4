package dev.gatehouse.courier.jdbc;

import dev.gatehouse.platform.trace.Traced;
import dev.gatehouse.courier.Channel;
import dev.gatehouse.courier.CourierConfig;
import dev.gatehouse.courier.MessageStatus;
import dev.gatehouse.courier.ClaimedMessage;
import dev.gatehouse.platform.db.DatabaseConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The sender's side of the outbox. Hand JDBC, because JPA cannot say what {@link #claim(int)} needs: take due
 * rows with {@code FOR UPDATE SKIP LOCKED} (PostgreSQL; the embedded database waits on the lock instead) and a
 * row limit, so that nodes polling at once each get other rows instead of queueing behind one another. Claimed
 * rows are marked {@code processing} in the same transaction, so every message has one sender however many nodes
 * poll; a claimed row is due again after the processing timeout, in case its node dies mid-send.
 * <p>
 * Every method runs in the caller's transaction: the sender opens one per step, so SMTP never happens inside one.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OutboxQueue {

    @Inject
    @Traced
    DataSource dataSource;

    private CourierConfig config;
    private DatabaseConfig database;
    private Clock clock;

    protected OutboxQueue() {
    }

    @Inject
    public OutboxQueue(CourierConfig config, DatabaseConfig database, Clock clock) {
        this.config = config;
        this.database = database;
        this.clock = clock;
    }

    /** Claims up to {@code limit} due messages of the {@code channels} this node can send for this node. */
    public List<ClaimedMessage> claim(int limit, Set<Channel> channels) {
        OffsetDateTime now = now();
        String lock = database.kind() == DatabaseConfig.Kind.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : " FOR UPDATE";
        List<ClaimedMessage> claimed = new ArrayList<>();
        if (channels.isEmpty()) {
            return claimed;
        }
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement select = c.prepareStatement("SELECT id, tenant_id, channel, template, recipient, subject,"
                    + " body_text, body_html, template_data, send_count FROM courier_message WHERE status IN (?, ?)"
                    + " AND next_attempt_at <= ? AND channel IN (?, ?) ORDER BY next_attempt_at LIMIT ?" + lock)) {
                List<Channel> wanted = List.copyOf(channels);
                select.setString(1, MessageStatus.QUEUED.wire());
                select.setString(2, MessageStatus.PROCESSING.wire());
                select.setObject(3, now);
                select.setString(4, wanted.get(0).wire());
                select.setString(5, wanted.get(wanted.size() - 1).wire());
                select.setInt(6, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(new ClaimedMessage(rs.getObject(1, UUID.class), rs.getString(2),
                                Channel.parse(rs.getString(3)).orElse(Channel.EMAIL), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10) + 1));
                    }
                }
            }
            // the guard in WHERE makes a row claimed twice impossible even where the lock was only waited for
            try (PreparedStatement update = c.prepareStatement("UPDATE courier_message SET status = ?,"
                    + " send_count = send_count + 1, next_attempt_at = ?, updated_at = ?"
                    + " WHERE id = ? AND status IN (?, ?) AND next_attempt_at <= ?")) {
                List<ClaimedMessage> won = new ArrayList<>();
                for (ClaimedMessage m : claimed) {
                    update.setString(1, MessageStatus.PROCESSING.wire());
                    update.setObject(2, now.plus(config.processingTimeout()));
                    update.setObject(3, now);
                    update.setObject(4, m.id());
                    update.setString(5, MessageStatus.QUEUED.wire());
                    update.setString(6, MessageStatus.PROCESSING.wire());
                    update.setObject(7, now);
                    if (update.executeUpdate() == 1) {
                        won.add(m);
                    }
                }
                claimed = won;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim outgoing messages: " + e.getSQLState(), e);
        }
        return claimed;
    }

    public void sent(UUID id) {
        OffsetDateTime now = now();
        update("UPDATE courier_message SET status = ?, sent_at = ?, updated_at = ?, last_error = NULL WHERE id = ? AND status = ?",
                MessageStatus.SENT.wire(), now, now, id, MessageStatus.PROCESSING.wire());
    }

    /** Records a failed attempt: back to {@code queued} after a back-off, or {@code abandoned}; returns the new status. */
    public MessageStatus failed(ClaimedMessage m, String error) {
        OffsetDateTime now = now();
        MessageStatus next = m.attempt() >= config.maxAttempts() ? MessageStatus.ABANDONED : MessageStatus.QUEUED;
        update("UPDATE courier_message SET status = ?, next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ? AND status = ?",
                next.wire(), now.plus(config.backoffAfter(m.attempt())), error, now, m.id(), MessageStatus.PROCESSING.wire());
        return next;
    }

    /** What became of the held messages: how many are now queued, and how many were abandoned as too old. */
    public record Released(int queued, int abandoned) {
    }

    /**
     * Hands the messages of {@code channel} held while it had no way out (no SMTP server, no SMS gateway) to the
     * sender: those created within {@code maxAge} become {@code queued} (due now), older ones {@code abandoned}.
     * Safe on several nodes at once.
     */
    public Released releaseHeld(java.time.Duration maxAge, Channel channel) {
        OffsetDateTime now = now();
        OffsetDateTime oldest = now.minus(maxAge);
        String reason = channel == Channel.SMS ? "held without an SMS gateway for longer than gatehouse.courier.held-max-age"
                : "held without SMTP for longer than gatehouse.courier.held-max-age";
        int abandoned = update("UPDATE courier_message SET status = ?, last_error = ?, updated_at = ? WHERE status = ?"
                        + " AND channel = ? AND created_at < ?",
                MessageStatus.ABANDONED.wire(), reason, now, MessageStatus.HELD.wire(), channel.wire(), oldest);
        int queued = update("UPDATE courier_message SET status = ?, next_attempt_at = ?, updated_at = ? WHERE status = ?"
                        + " AND channel = ? AND created_at >= ?",
                MessageStatus.QUEUED.wire(), now, now, MessageStatus.HELD.wire(), channel.wire(), oldest);
        return new Released(queued, abandoned);
    }

    /** Messages waiting to be sent (queued or being sent), across tenants: the operator's backlog. */
    public long waiting() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM courier_message WHERE status IN (?, ?)")) {
            ps.setString(1, MessageStatus.QUEUED.wire());
            ps.setString(2, MessageStatus.PROCESSING.wire());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count outgoing messages: " + e.getSQLState(), e);
        }
    }

    private int update(String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update an outgoing message: " + e.getSQLState(), e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
