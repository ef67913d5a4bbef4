package dev.gatehouse.jwk.jdbc;

import com.nimbusds.jose.jwk.JWK;
import dev.gatehouse.jwk.KeyEncryptionKey;
import dev.gatehouse.jwk.KeyRepository;
import dev.gatehouse.jwk.KeySetName;
import dev.gatehouse.jwk.SigningAlgorithm;
import dev.gatehouse.jwk.SigningKey;
import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@link KeyRepository} in plain SQL, because it needs a row lock ({@code SELECT ... FOR UPDATE} on the
 * {@code jwk_set} row, which works the same on PostgreSQL and the embedded database) and nullable timestamps.
 * Each method runs in a transaction, its own when called outside any (as {@link dev.gatehouse.jwk.KeyRing} does),
 * so key changes commit before anyone signs with them; inside a caller's it joins, never nests.
 */
@ApplicationScoped
public class JdbcKeyRepository implements KeyRepository {

    private static final String COLUMNS = "tenant_id, set_name, kid, alg, key_use, public_jwk, private_ciphertext,"
            + " private_iv, kek_id, created_at, activated_at, retire_at";
    private static final String ORDER = " ORDER BY activated_at DESC, created_at DESC, kid";

    @Resource(lookup = "jdbc/gatehouse")
    DataSource dataSource;

    @Override
    @Transactional
    public List<SigningKey> keys(TenantId tenant, KeySetName set) {
        return query("SELECT " + COLUMNS + " FROM jwk_key WHERE tenant_id = ? AND set_name = ?" + ORDER,
                tenant.value(), set.value());
    }

    @Override
    @Transactional
    public List<SigningKey> keys(TenantId tenant) {
        return query("SELECT " + COLUMNS + " FROM jwk_key WHERE tenant_id = ? ORDER BY set_name, activated_at DESC,"
                + " created_at DESC, kid", tenant.value());
    }

    @Override
    @Transactional
    public List<SetRef> setsWithKeys() {
        List<SetRef> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT DISTINCT tenant_id, set_name FROM jwk_key ORDER BY tenant_id, set_name");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                out.add(new SetRef(new TenantId(rs.getString(1)), new KeySetName(rs.getString(2))));
            }
        } catch (SQLException e) {
            throw failed("list key sets", e);
        }
        return out;
    }

    @Override
    @Transactional
    public <T> T underLock(TenantId tenant, KeySetName set, Function<LockedSet, T> work) {
        try (Connection c = dataSource.getConnection()) {
            execute(c, "INSERT INTO jwk_set (tenant_id, set_name, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    tenant.value(), set.value(), OffsetDateTime.now(ZoneOffset.UTC));
            try (PreparedStatement lock = c.prepareStatement(
                    "SELECT set_name FROM jwk_set WHERE tenant_id = ? AND set_name = ? FOR UPDATE")) {
                lock.setString(1, tenant.value());
                lock.setString(2, set.value());
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("key set row vanished while locking it");
                    }
                }
            }
            return work.apply(new Locked(c, tenant, set));
        } catch (SQLException e) {
            throw failed("lock a key set", e);
        }
    }

    @Override
    @Transactional
    public List<SigningKey> deleteSet(TenantId tenant, KeySetName set) {
        List<SigningKey> keys = keys(tenant, set);
        try (Connection c = dataSource.getConnection()) {
            execute(c, "DELETE FROM jwk_key WHERE tenant_id = ? AND set_name = ?", tenant.value(), set.value());
        } catch (SQLException e) {
            throw failed("delete a key set", e);
        }
        return keys;
    }

    @Override
    @Transactional
    public boolean deleteKey(TenantId tenant, KeySetName set, String kid) {
        try (Connection c = dataSource.getConnection()) {
            return execute(c, "DELETE FROM jwk_key WHERE tenant_id = ? AND set_name = ? AND kid = ?",
                    tenant.value(), set.value(), kid) == 1;
        } catch (SQLException e) {
            throw failed("delete a key", e);
        }
    }

    @Override
    @Transactional
    public List<SigningKey> deleteRetired(Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        List<SigningKey> retired = query("SELECT " + COLUMNS + " FROM jwk_key WHERE retire_at <= ?" + ORDER, at);
        try (Connection c = dataSource.getConnection()) {
            for (SigningKey k : retired) {
                execute(c, "DELETE FROM jwk_key WHERE tenant_id = ? AND set_name = ? AND kid = ? AND retire_at <= ?",
                        k.tenant().value(), k.set().value(), k.kid(), at);
            }
        } catch (SQLException e) {
            throw failed("delete retired keys", e);
        }
        return retired;
    }

    private final class Locked implements LockedSet {
        private final Connection c;
        private final TenantId tenant;
        private final KeySetName set;

        Locked(Connection c, TenantId tenant, KeySetName set) {
            this.c = c;
            this.tenant = tenant;
            this.set = set;
        }

        @Override
        public List<SigningKey> keys() {
            return JdbcKeyRepository.this.keys(tenant, set);
        }

        @Override
        public void insert(SigningKey k) {
            if (!k.tenant().equals(tenant) || !k.set().equals(set)) {
                throw new IllegalArgumentException("key belongs to another set");
            }
            try {
                execute(c, "INSERT INTO jwk_key (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        tenant.value(), set.value(), k.kid(), k.alg().name(), "sig", k.publicJwk().toJSONString(),
                        k.sealedPrivate().ciphertext(), k.sealedPrivate().iv(), k.sealedPrivate().kekId(),
                        utc(k.createdAt()), utc(k.activatedAt()), utc(k.retireAt()));
            } catch (SQLException e) {
                throw failed("store a key", e);
            }
        }

        @Override
        public void retireSigners(Instant at) {
            try {
                execute(c, "UPDATE jwk_key SET retire_at = ? WHERE tenant_id = ? AND set_name = ? AND retire_at IS NULL",
                        utc(at), tenant.value(), set.value());
            } catch (SQLException e) {
                throw failed("retire keys", e);
            }
        }
    }

    private List<SigningKey> query(String sql, Object... params) {
        List<SigningKey> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            bind(q, params);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        } catch (SQLException e) {
            throw failed("read keys", e);
        }
        return out;
    }

    private static SigningKey read(ResultSet rs) throws SQLException {
        JWK publicJwk;
        try {
            publicJwk = JWK.parse(rs.getString("public_jwk"));
        } catch (ParseException e) {
            throw new IllegalStateException("stored public key " + rs.getString("kid") + " does not parse", e);
        }
        return new SigningKey(new TenantId(rs.getString("tenant_id")), new KeySetName(rs.getString("set_name")),
                rs.getString("kid"),
                SigningAlgorithm.parse(rs.getString("alg")).orElseThrow(() -> new IllegalStateException("stored key has an unknown alg")),
                publicJwk,
                new KeyEncryptionKey.Sealed(rs.getString("private_ciphertext"), rs.getString("private_iv"), rs.getString("kek_id")),
                instant(rs, "created_at"), instant(rs, "activated_at"), instant(rs, "retire_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static int execute(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            if (params[i] == null) {
                ps.setNull(i + 1, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                ps.setObject(i + 1, params[i]);
            }
        }
    }

    private static IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException("could not " + what + ": " + e.getSQLState(), e);
    }
}
