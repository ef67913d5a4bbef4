package dev.gatehouse.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fixture: a sign-in code message of the default tenant written straight into the outbox, as the courier leaves one
 * in a state a test cannot wait for cheaply (held by a run without SMTP, abandoned after its last attempt).
 */
public final class OutboxRows {

    private OutboxRows() {
    }

    /** A message to {@code to} in {@code status} after {@code attempts}, created {@code age} ago; returns its id. */
    public static String insert(String status, String to, int attempts, Duration age) throws SQLException {
        UUID id = UUID.randomUUID();
        OffsetDateTime created = OffsetDateTime.now(ZoneOffset.UTC).minus(age);
        ItServer s = ItServer.get();
        try (Connection c = DriverManager.getConnection(s.jdbcUrl(), s.jdbcUser(), s.jdbcPassword());
             PreparedStatement p = c.prepareStatement("INSERT INTO courier_message (id, tenant_id, template, recipient, "
                     + "locale, subject, body_text, body_html, status, send_count, next_attempt_at, created_at, updated_at) "
                     + "VALUES (?, 'default', 'login_code_valid', ?, 'en', 'Your sign-in code', 'code 123456', "
                     + "'<p>code 123456</p>', ?, ?, ?, ?, ?)")) {
            p.setObject(1, id);
            p.setString(2, to);
            p.setString(3, status);
            p.setInt(4, attempts);
            p.setObject(5, created);
            p.setObject(6, created);
            p.setObject(7, created);
            assertEquals(1, p.executeUpdate());
        }
        return id.toString();
    }
}
