package dev.gatehouse.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Fixture: audit rows older than a test can wait for, written straight into the IT server's outbox (the writer
 * chains them like any other), and the rows the retention job archived into a directory.
 */
public final class AuditRows {

    private AuditRows() {
    }

    /**
     * Queues {@code count} system {@code login} events of the tenant that occurred a second apart from {@code first},
     * their details {@code {"n": "<i>"}}.
     */
    public static void queueOld(String tenant, Instant first, int count) throws SQLException {
        ItServer s = ItServer.get();
        try (Connection c = DriverManager.getConnection(s.jdbcUrl(), s.jdbcUser(), s.jdbcPassword());
             PreparedStatement ps = c.prepareStatement("INSERT INTO audit_outbox (tenant_id, occurred_at, entry) VALUES (?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                Instant at = first.plusSeconds(i);
                ps.setString(1, tenant);
                ps.setObject(2, at.atOffset(ZoneOffset.UTC));
                ps.setString(3, Json.createObjectBuilder().add("action", "login").add("actor_type", "system")
                        .add("details", "{\"n\":\"" + i + "\"}").add("event_type", "login").add("occurred_at", at.toString())
                        .add("result", "success").add("tenant", tenant).build().toString());
                ps.executeUpdate();
            }
        }
    }

    /**
     * Every row in the tenant's archive files under an archive directory ({@code <dir>/<tenant>/*.jsonl.gz}), file by
     * file; none when the job archived nothing there.
     */
    public static List<JsonObject> archived(Path archiveDir, String tenant) throws IOException {
        Path dir = archiveDir.resolve(tenant);
        List<JsonObject> rows = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return rows;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl.gz")).sorted().toList()) {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(f)),
                        StandardCharsets.UTF_8))) {
                    r.lines().map(l -> Json.createReader(new StringReader(l)).readObject()).forEach(rows::add);
                }
            }
        }
        return rows;
    }
}
