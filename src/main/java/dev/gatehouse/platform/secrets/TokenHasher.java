package dev.gatehouse.platform.secrets;

import dev.gatehouse.platform.trace.Traced;
import dev.gatehouse.kernel.log.Logs;

import dev.gatehouse.kernel.Ids;
import dev.gatehouse.platform.db.DatabaseMigrated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.logging.Logger;

/**
 * Hashes server-generated tokens (≥256 bits of randomness) with HMAC-SHA-256 before they are stored or
 * looked up, so a copy of the database does not hold usable tokens. A fast keyed hash is enough for such
 * tokens; passwords use argon2id instead.
 */
@ApplicationScoped
public class TokenHasher {

    private static final Logger LOG = Logs.of(TokenHasher.class);
    private static final String SECRET_NAME = "token-hmac-key";

    @Inject
    SecretsConfig config;
    @Inject
    @Traced
    DataSource dataSource;

    private volatile SecretKeySpec key;

    /**
     * Loads (or generates) the key once the schema exists, at start-up and outside any transaction, so a
     * generated key is committed before it is used.
     */
    void onMigrated(@Observes DatabaseMigrated migrated) {
        key();
    }

    /** Lower-case hex HMAC-SHA-256 of the token. */
    public String hash(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 unavailable", e);
        }
    }

    /** Constant-time comparison of a presented token with a stored hash. */
    public boolean matches(String token, String storedHash) {
        if (token == null || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    String secret = config.hmacKey().orElseGet(this::sharedGeneratedKey);
                    key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
                }
                k = key;
            }
        }
        return k;
    }

    /** The key all nodes share when none is configured: generated once, kept in server_secret. */
    private String sharedGeneratedKey() {
        try (Connection c = dataSource.getConnection()) {
            String existing = read(c);
            if (existing != null) {
                return existing;
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO server_secret (name, secret, created_at) VALUES (?, ?, ?)")) {
                insert.setString(1, SECRET_NAME);
                insert.setString(2, Ids.token(32));
                insert.setTimestamp(3, Timestamp.from(Instant.now()));
                insert.executeUpdate();
                LOG.warning("No gatehouse.secrets.hmac-key configured: generated one and stored it in the database. "
                        + "Set GATEHOUSE_SECRETS_HMAC_KEY in production so a database copy alone cannot check tokens.");
            } catch (SQLException raced) {
                // another node inserted it first: fall through and read theirs
            }
            String stored = read(c);
            if (stored == null) {
                throw new IllegalStateException("token HMAC key could not be stored");
            }
            return stored;
        } catch (SQLException e) {
            throw new IllegalStateException("token HMAC key unavailable: database error", e);
        }
    }

    private static String read(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT secret FROM server_secret WHERE name = ?")) {
            q.setString(1, SECRET_NAME);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
