package dev.gatehouse.audit.bench;

import dev.gatehouse.audit.AuditEntry;
import dev.gatehouse.audit.AuditFilter;
import dev.gatehouse.audit.AuditQueries;
import dev.gatehouse.audit.AuditRow;
import dev.gatehouse.audit.Devices;
import dev.gatehouse.audit.HashChain;
import dev.gatehouse.audit.jdbc.JdbcAuditLog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Fills one tenant's audit log with generated rows (a year of sign-ins, failures, admin changes and token events from
 * many identities, addresses and devices, chained as the writer chains them) and times the query API's typical
 * queries on it: p50 and p95 of each over repeated runs. Not a test; run by hand against an empty database (it
 * migrates it first)
 * (docs/audit.md#query-cost):
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/bench.classpath) dev.gatehouse.audit.bench.AuditQueryBenchmark \
 *     jdbc:postgresql://127.0.0.1:5432/gatehouse_bench postgres "" 1000000
 * </pre>
 * A fourth argument of 0 only times the queries on what is there.
 */
public final class AuditQueryBenchmark {

    private static final String TENANT = "bench";
    private static final String[] TYPES = {"login", "login", "login", "login_failed", "oauth2_token_issued",
            "oauth2_token_issued", "logout", "settings_changed", "identity_created", "session_revoked", "gateway_denied"};
    private static final String[] AGENTS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
        "curl/8.4.0"};
    private static final int IDENTITIES = 20_000;
    private static final int BATCH = 5_000;

    private AuditQueryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args.length > 1 ? args[1] : "postgres";
        String password = args.length > 2 ? args[2] : "";
        int rows = args.length > 3 ? Integer.parseInt(args[3]) : 1_000_000;
        Instant now = Instant.now();
        org.flywaydb.core.Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration")
                .placeholders(dev.gatehouse.platform.db.DatabaseMigrator.placeholders(url.startsWith("jdbc:postgresql:")
                        ? dev.gatehouse.platform.db.DatabaseConfig.Kind.POSTGRESQL : dev.gatehouse.platform.db.DatabaseConfig.Kind.EMBEDDED))
                .load().migrate();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            if (rows > 0) {
                generate(c, rows, now);
            }
            time(c, now);
        }
    }

    private static void generate(Connection c, int n, Instant now) throws SQLException {
        c.setAutoCommit(false);
        Random random = new Random(42);
        Devices devices = new Devices();
        Devices.Device[] parsed = Arrays.stream(AGENTS).map(devices::parse).toArray(Devices.Device[]::new);
        String[] identities = new String[IDENTITIES];
        for (int i = 0; i < IDENTITIES; i++) {
            identities[i] = new UUID(random.nextLong(), random.nextLong()).toString();
        }
        Instant start = now.minus(Duration.ofDays(365));
        long step = Duration.ofDays(365).toNanos() / n;
        String previous = HashChain.GENESIS;
        long started = System.nanoTime();
        List<AuditRow> batch = new ArrayList<>(BATCH);
        for (int i = 1; i <= n; i++) {
            String type = TYPES[random.nextInt(TYPES.length)];
            String identity = identities[random.nextInt(IDENTITIES)];
            int agent = random.nextInt(AGENTS.length);
            Devices.Device d = parsed[agent];
            boolean failed = type.endsWith("failed") || type.endsWith("denied");
            Instant at = start.plusNanos(step * i);
            String details = AuditEntry.canonical(Map.of("method", "password", "flow", "browser",
                    "identifier", "user" + random.nextInt(IDENTITIES) + "@example.org"));
            AuditEntry e = new AuditEntry(TENANT, at, type, type, type.startsWith("oauth2") ? "oauth2_token" : null, identity,
                    failed ? AuditEntry.ActorType.ANONYMOUS : AuditEntry.ActorType.IDENTITY, failed ? null : identity,
                    identity, type.startsWith("oauth2") ? "client-" + random.nextInt(50) : null,
                    failed ? AuditEntry.Result.FAILURE : AuditEntry.Result.SUCCESS, failed ? "wrong password" : null,
                    failed ? null : "aal1", null, d.deviceClass(), d.os(), d.browser(), AGENTS[agent],
                    "198.51." + random.nextInt(256) + "." + random.nextInt(256), UUID.randomUUID().toString(), null, details);
            AuditRow row = HashChain.append(previous, i - 1, at, e);
            previous = row.hash();
            batch.add(row);
            if (batch.size() == BATCH || i == n) {
                JdbcAuditLog.insert(c, batch);
                c.commit();
                batch.clear();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_chain_head (tenant_id, last_seq, last_hash) VALUES (?, ?, ?)")) {
            ps.setString(1, TENANT);
            ps.setLong(2, n);
            ps.setString(3, previous);
            ps.executeUpdate();
        }
        c.commit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute(c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL") ? "ANALYZE audit_event" : "ANALYZE TABLE audit_event");
        }
        System.out.printf("generated %,d rows in %d s%n", n, (System.nanoTime() - started) / 1_000_000_000L);
    }

    private static void time(Connection c, Instant now) throws SQLException {
        c.setAutoCommit(true);
        AuditRow some = JdbcAuditLog.find(c, TENANT, AuditQueries.parse(Map.of("page_size", List.of("1"),
                "from", List.of(now.minus(Duration.ofDays(200)).toString())), now)).get(0);
        String actor = some.entry().subject();
        String ip = some.entry().ip();
        AuditRow middle = JdbcAuditLog.find(c, TENANT, AuditQueries.parse(Map.of("page_size", List.of("1"),
                "to", List.of(now.minus(Duration.ofDays(180)).toString())), now)).get(0);
        Map<String, Supplier<Map<String, List<String>>>> queries = new java.util.LinkedHashMap<>();
        queries.put("newest page (100 rows)", () -> Map.of());
        queries.put("since=now-24h&event_type=login_failed", () -> Map.of("since", List.of("now-24h"),
                "event_type", List.of("login_failed")));
        queries.put("actor_id=<identity>&since=now-30d", () -> Map.of("actor_id", List.of(actor), "since", List.of("now-30d")));
        queries.put("subject=<identity> (whole year)", () -> Map.of("subject", List.of(actor)));
        queries.put("ip=<address>&since=now-7d", () -> Map.of("ip", List.of(ip), "since", List.of("now-7d")));
        queries.put("q=user123@&since=now-7d", () -> Map.of("q", List.of("user123@"), "since", List.of("now-7d")));
        queries.put("device_class=mobile&result=failure&since=now-24h", () -> Map.of("device_class", List.of("mobile"),
                "result", List.of("failure"), "since", List.of("now-24h")));
        queries.put("cursor page 6 months back", () -> Map.of("cursor", List.of(AuditQueries.cursor(middle))));
        System.out.println("| query | rows | p50 ms | p95 ms |");
        System.out.println("|---|---|---|---|");
        for (Map.Entry<String, Supplier<Map<String, List<String>>>> q : queries.entrySet()) {
            AuditFilter f = AuditQueries.parse(q.getValue().get(), now);
            int found = 0;
            for (int i = 0; i < 5; i++) {
                found = JdbcAuditLog.find(c, TENANT, f).size();
            }
            long[] ms = new long[40];
            for (int i = 0; i < ms.length; i++) {
                long t = System.nanoTime();
                JdbcAuditLog.find(c, TENANT, f);
                ms[i] = System.nanoTime() - t;
            }
            Arrays.sort(ms);
            System.out.printf("| `%s` | %d | %.1f | %.1f |%n", q.getKey(), found, ms[ms.length / 2] / 1e6,
                    ms[(int) Math.ceil(ms.length * 0.95) - 1] / 1e6);
        }
    }
}
