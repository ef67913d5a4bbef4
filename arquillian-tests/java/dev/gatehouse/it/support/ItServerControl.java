package dev.gatehouse.it.support;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Run by Maven (exec:java, {@code action=start} before the integration tests, {@code action=stop} after).
 * Creates and starts the integration-test server ({@link ItServerProcess}) from a copy of {@code liberty/}
 * plus an override, and gives it its own database and settings:
 * <ul>
 *   <li>PostgreSQL when reachable (host, port, user, password, maintenance database from
 *       {@code GATEHOUSE_IT_PG_*} environment variables or the pom): a fresh database per run, reached by
 *       the server through a TCP relay that the test JVM owns, so tests can take the database away and
 *       give it back;</li>
 *   <li>otherwise the embedded database, said loudly in one line;</li>
 *   <li>free ports, a random admin API key, the demo switch on, and the Arquillian overlay;</li>
 *   <li>SMTP at 127.0.0.1 on a reserved port, where the courier tests run GreenMail, with fast retries.</li>
 * </ul>
 * With {@code servers=N} it makes N such servers, one per test fork, side by side. Writes
 * {@code configDropins/overrides/it-server.xml} into each server's configuration and {@code it-server-<n>.properties}
 * into the build directory for the tests; what else a server owns lives under {@code it-<n>/}.
 */
public final class ItServerControl {

    /** The SMS gateway request body the integration-test server starts with. */
    static final String SMS_BODY = "function(ctx) { from: 'Gatehouse', to: ctx.recipient, text: ctx.body, "
            + "type: ctx.template_type, data: ctx.template_data }\n";

    private ItServerControl() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        int count = Integer.parseInt(a.getOrDefault("servers", "1"));
        Path wlp = Path.of(a.get("wlp.dir"));
        String name = a.getOrDefault("server.name", ItServerProcess.NAME);
        if ("stop".equals(a.get("action"))) {
            for (int i = 1; i <= count; i++) {
                ItServerProcess server = new ItServerProcess(wlp, serverName(name, i));
                if (Files.isDirectory(server.serverDir())) {
                    server.stop();
                }
            }
            return;
        }
        // one server per test fork, each with its own ports, database, directories and settings; they start side by side
        Set<String> taken = new HashSet<>();
        List<CompletableFuture<Void>> started = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Map<String, String> own = new HashMap<>(a);
            if (i > 1) {
                for (String port : List.of("http.port", "https.port", "relay.port", "smtp.port")) {
                    own.put(port, String.valueOf(freePort(taken)));
                }
            }
            taken.addAll(List.of(own.get("http.port"), own.get("https.port"), own.get("relay.port"), own.get("smtp.port")));
            ItServerProcess server = new ItServerProcess(wlp, serverName(name, i));
            Runnable start = prepare(own, i, server, taken);
            started.add(CompletableFuture.runAsync(start));
        }
        CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).join();
    }

    /**
     * Server {@code index}'s name. Arquillian finds a running server by a JVM whose command line contains its name, so
     * no server's name may hold another's: {@code gatehouse-it-1} is in no name of server 2 or of its cluster nodes.
     */
    private static String serverName(String name, int index) {
        return name + "-" + index;
    }

    /**
     * Writes server {@code index}'s configuration, database and settings file ({@code it-server-<index>.properties}),
     * and returns what starts it.
     */
    private static Runnable prepare(Map<String, String> a, int index, ItServerProcess server, Set<String> taken) throws Exception {
        Path serverDir = server.serverDir();
        Path buildDir = Path.of(a.get("build.dir"));
        Path ownDir = buildDir.resolve("it-" + index);
        ItServerProcess.deleteTree(ownDir);
        Files.createDirectories(ownDir);
        String httpPort = a.get("http.port");
        String httpsPort = a.get("https.port");
        String relayPort = a.get("relay.port");
        String pgHost = env("GATEHOUSE_IT_PG_HOST", a.get("pg.host"));
        String pgPort = env("GATEHOUSE_IT_PG_PORT", a.get("pg.port"));
        String pgUser = env("GATEHOUSE_IT_PG_USER", a.get("pg.user"));
        String pgPassword = env("GATEHOUSE_IT_PG_PASSWORD", a.getOrDefault("pg.password", ""));
        String pgAdminDb = env("GATEHOUSE_IT_PG_DATABASE", a.getOrDefault("pg.database", "postgres"));

        Properties it = new Properties();
        it.setProperty("base.url", "http://localhost:" + httpPort);
        it.setProperty("http.port", httpPort);
        it.setProperty("https.port", httpsPort);
        it.setProperty("server.dir", serverDir.toString());
        it.setProperty("server.name", serverDir.getFileName().toString());
        String adminKey = "it_admin_" + randomHex(24);
        it.setProperty("admin.key", adminKey);
        // Prometheus' credentials for /metrics (Liberty's reader role)
        String metricsPassword = "it_metrics_" + randomHex(12);
        it.setProperty("metrics.user", "metrics");
        it.setProperty("metrics.password", metricsPassword);

        String kind;
        String serverUrl;
        String user;
        String password;
        String adminUrl = "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + pgAdminDb + "?connectTimeout=3";
        if (reachable(adminUrl, pgUser, pgPassword)) {
            String db = "gatehouse_it_" + Instant.now().getEpochSecond() + "_" + randomHex(3);
            try (Connection c = DriverManager.getConnection(adminUrl, pgUser, pgPassword);
                 Statement s = c.createStatement()) {
                dropStaleDatabases(s);
                s.execute("CREATE DATABASE " + db);
            }
            kind = "postgresql";
            serverUrl = "jdbc:postgresql://127.0.0.1:" + relayPort + "/" + db + "?connectTimeout=5";
            user = pgUser;
            password = pgPassword;
            it.setProperty("db.relay.port", relayPort);
            it.setProperty("db.relay.target", pgHost + ":" + pgPort);
            it.setProperty("db.direct.url", "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + db);
            it.setProperty("db.admin.url", adminUrl);
            System.out.println("[gatehouse-it] integration tests use PostgreSQL database " + db + " at " + pgHost + ":" + pgPort);
        } else {
            kind = "embedded";
            Path h2 = ownDir.resolve("h2").resolve("gatehouse-" + Instant.now().getEpochSecond());
            serverUrl = "jdbc:h2:" + h2 + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE";
            user = "gatehouse";
            password = "";
            it.setProperty("db.direct.url", serverUrl.replace(";DB_CLOSE_ON_EXIT=FALSE", "") + ";AUTO_SERVER=TRUE");
            System.out.println("[gatehouse-it] *** PostgreSQL NOT reachable at " + pgHost + ":" + pgPort
                    + " — integration tests FALL BACK TO THE EMBEDDED DATABASE (set GATEHOUSE_IT_PG_HOST/PORT/USER/PASSWORD) ***");
        }
        it.setProperty("db.kind", kind);
        it.setProperty("db.user", user);
        it.setProperty("db.password", password);

        List<String[]> variables = new ArrayList<>();
        variables.add(new String[] {"http.port", httpPort});
        variables.add(new String[] {"https.port", httpsPort});
        variables.add(new String[] {"gatehouse.db.kind", kind});
        variables.add(new String[] {"gatehouse.db.url", serverUrl});
        variables.add(new String[] {"gatehouse.db.user", user});
        variables.add(new String[] {"gatehouse.db.password", password});
        variables.add(new String[] {"gatehouse.admin.api-key", adminKey});
        variables.add(new String[] {"gatehouse.metrics.user", "metrics"});
        variables.add(new String[] {"gatehouse.metrics.password", metricsPassword});
        // tracing on, spans to the OTLP receiver TracesIT runs on this port (until then, exports fail quietly)
        String otlpPort = String.valueOf(freePort(taken));
        it.setProperty("otlp.port", otlpPort);
        variables.add(new String[] {"otel.sdk.disabled", "false"});
        variables.add(new String[] {"otel.exporter.otlp.endpoint", "http://127.0.0.1:" + otlpPort});
        variables.add(new String[] {"otel.bsp.schedule.delay", "200"});
        variables.add(new String[] {"gatehouse.demo.enabled", "true"});
        // links, redirects and the issuer come from here; requests for other hosts (but tenants') are refused
        variables.add(new String[] {"gatehouse.public.base-url", "http://localhost:" + httpPort});
        // connections from this loopback address stand for a reverse proxy whose X-Forwarded-* are believed
        it.setProperty("trusted.proxy", "127.0.0.2");
        variables.add(new String[] {"gatehouse.http.trusted-proxies", "127.0.0.2/32"});
        variables.add(new String[] {"gatehouse.db.migration-retry", "1s"});
        variables.add(new String[] {"gatehouse.tenant.cache-ttl", "2s"});
        // the test applications are second nodes: a client changed through the admin API is in force there after this
        variables.add(new String[] {"gatehouse.oauth2.client.cache-ttl", "1s"});
        variables.add(new String[] {"gatehouse.http.max-request-bytes", "65536"});
        // every test signs in from 127.0.0.1, most in the default tenant: the wrong passwords, unknown identifiers and
        // wrong second factors of a whole fork's tests within the 15-minute window must not lock that one address
        // (an address is counted and locked by the same code as an identifier, which LoginProtectionIT locks after 5)
        variables.add(new String[] {"gatehouse.login.throttle.max-failures-per-ip", "1000"});
        // liveness calls a request stuck after 2 s, so HealthIT can wedge the request path in seconds
        variables.add(new String[] {"gatehouse.health.stuck-after", "2s"});
        // a small pool, so a request that needs a second connection while it holds one, or keeps one, stalls
        // the server quickly (ConnectionPoolIT)
        String poolMax = "6";
        it.setProperty("db.pool.max", poolMax);
        variables.add(new String[] {"gatehouse.db.pool.max", poolMax});
        // the client tests register clients through /oauth2/register (RFC 7591), off by default
        variables.add(new String[] {"gatehouse.oauth2.dynamic-registration.enabled", "true"});
        // the courier sends to a GreenMail the tests start on this port (until then, mail waits and retries)
        String smtpPort = a.get("smtp.port");
        it.setProperty("smtp.port", smtpPort);
        variables.add(new String[] {"gatehouse.courier.smtp.host", "127.0.0.1"});
        variables.add(new String[] {"gatehouse.courier.smtp.port", smtpPort});
        variables.add(new String[] {"gatehouse.courier.poll-interval", "200ms"});
        variables.add(new String[] {"gatehouse.courier.retry-backoff", "300ms"});
        variables.add(new String[] {"gatehouse.courier.max-backoff", "600ms"});
        variables.add(new String[] {"gatehouse.courier.max-attempts", "6"});

        // the SMS gateway: an HTTP server the SMS tests start on this port (until then, SMS wait and retry), with an
        // API key and a jsonnet body file the tests may rewrite (it is read for every message)
        String smsPort = String.valueOf(freePort(taken));
        Path smsDir = Files.createDirectories(ownDir.resolve("sms"));
        Path smsBody = smsDir.resolve("body.jsonnet");
        Files.writeString(smsBody, SMS_BODY, StandardCharsets.UTF_8);
        String smsKey = "it_sms_key_" + randomHex(16);
        it.setProperty("sms.port", smsPort);
        it.setProperty("sms.body.file", smsBody.toString());
        it.setProperty("sms.body.default", SMS_BODY);
        it.setProperty("sms.api.key", smsKey);
        variables.add(new String[] {"gatehouse.courier.sms.url", "http://127.0.0.1:" + smsPort + "/sms/send"});
        variables.add(new String[] {"gatehouse.courier.sms.auth.type", "api-key"});
        variables.add(new String[] {"gatehouse.courier.sms.auth.api-key.name", "X-Api-Key"});
        variables.add(new String[] {"gatehouse.courier.sms.auth.api-key.value", smsKey});
        variables.add(new String[] {"gatehouse.courier.sms.body", "file:" + smsBody});
        // the first jsonnet evaluation of a cold server takes a few seconds on a busy machine
        variables.add(new String[] {"gatehouse.courier.sms.timeout", "8s"});
        // a second identity schema with a phone number, for identities created with schema_id "phone"
        variables.add(new String[] {"gatehouse.identity.schemas", "phone=classpath:dev/gatehouse/identity/schema/phone.schema.json"});

        // audit log: written into the chain at once, and a retention job every second that archives into a
        // directory the tests read (AuditLogIT)
        Path auditArchive = Files.createDirectories(ownDir.resolve("audit-archive"));
        it.setProperty("audit.archive.dir", auditArchive.toString());
        variables.add(new String[] {"gatehouse.audit.write-interval", "100ms"});
        variables.add(new String[] {"gatehouse.audit.archive-dir", auditArchive.toString()});
        variables.add(new String[] {"gatehouse.audit.retention-interval", "1s"});
        // a node of MultiNodeIT stopped while it holds the retention lease holds up this server's retention this long
        variables.add(new String[] {"gatehouse.audit.retention-lease", "10s"});
        // saved audit searches: a jsonnet directory the tests own (empty at start), checked twice a second
        Path auditSearches = Files.createDirectories(ownDir.resolve("audit-searches"));
        it.setProperty("audit.searches.dir", auditSearches.toString());
        variables.add(new String[] {"gatehouse.audit.searches-dir", auditSearches.toString()});
        variables.add(new String[] {"gatehouse.audit.searches-environment", "staging"});
        variables.add(new String[] {"gatehouse.audit.searches-reload-interval", "500ms"});
        // the first jsonnet evaluation of a cold server takes a few seconds on a busy machine
        variables.add(new String[] {"gatehouse.audit.searches-timeout", "8s"});
        // alert rules evaluated several times a second, and a failed webhook retried after a second
        variables.add(new String[] {"gatehouse.audit.alert.interval", "300ms"});
        variables.add(new String[] {"gatehouse.audit.alert.retry-backoff", "1s"});

        // policy gateway: a rules directory the tests own (empty at start), quick reloads, the reverse
        // proxy on a free port of its own, and short timeouts so slow-upstream and slow-JWKS tests stay fast
        Path rulesDir = Files.createDirectories(ownDir.resolve("gateway-rules"));
        String proxyPort = String.valueOf(freePort(taken));
        it.setProperty("gateway.rules.dir", rulesDir.toString());
        it.setProperty("gateway.proxy.port", proxyPort);
        variables.add(new String[] {"gatehouse.gateway.rules.locations", rulesDir.toString()});
        variables.add(new String[] {"gatehouse.gateway.rules.reload-interval", "250ms"});
        variables.add(new String[] {"gatehouse.gateway.rules.jsonnet.ext-vars", "env=it,domain=it.test"});
        variables.add(new String[] {"gatehouse.gateway.rules.jsonnet.timeout", "2s"});
        variables.add(new String[] {"gatehouse.gateway.proxy-port", proxyPort});
        // the login page may send the browser back to apps behind the proxy, as the walk-through in docs/gateway.md sets up
        variables.add(new String[] {"gatehouse.selfservice.allowed-return-urls", "http://localhost:" + proxyPort + "/"});
        variables.add(new String[] {"gatehouse.gateway.proxy.timeout", "2s"});
        variables.add(new String[] {"gatehouse.gateway.proxy.max-connections", "2"});
        variables.add(new String[] {"gatehouse.gateway.remote-timeout", "1s"});
        // below gatehouse.http.max-request-bytes, so the decisions API shows the gateway's own 413 too
        variables.add(new String[] {"gatehouse.gateway.remote.max-body-size", "32768"});

        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<server>\n");
        xml.append("    <featureManager>\n        <feature>localConnector-1.0</feature>\n    </featureManager>\n");
        xml.append("    <applicationMonitor updateTrigger=\"mbean\" dropinsEnabled=\"true\"/>\n");
        for (String[] v : variables) {
            xml.append("    <variable name=\"").append(v[0]).append("\" value=\"").append(escape(v[1])).append("\"/>\n");
        }
        xml.append("</server>\n");
        Path configDir = ownDir.resolve("config");
        ItServerProcess.copyTree(Path.of(a.get("liberty.dir")), configDir);
        Path overrides = configDir.resolve("configDropins").resolve("overrides");
        Files.createDirectories(overrides);
        Files.writeString(overrides.resolve("it-server.xml"), xml, StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(buildDir.resolve("it-server-" + index + ".properties"))) {
            it.store(out, "written by ItServerControl");
        }

        server.create(configDir, buildDir.resolve("gatehouse.war"), List.of(jarOf(org.postgresql.Driver.class), jarOf(org.h2.Driver.class)));
        return () -> {
            try {
                server.start(Integer.parseInt(httpPort), java.time.Duration.ofMinutes(3));
            } catch (Exception e) {
                throw new IllegalStateException("integration-test server " + index + " did not start", e);
            }
        };
    }

    private static Path jarOf(Class<?> type) throws java.net.URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static boolean reachable(String url, String user, String password) {
        PrintStream err = System.err;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            return c.isValid(3);
        } catch (SQLException e) {
            err.println("[gatehouse-it] PostgreSQL check failed: " + e.getMessage());
            return false;
        }
    }

    /** Databases of runs more than six hours old that were not cleaned up (a killed build). */
    private static void dropStaleDatabases(Statement s) throws SQLException {
        long cutoff = Instant.now().getEpochSecond() - 6 * 3600;
        List<String> stale = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'gatehouse_it_%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String[] parts = name.split("_");
                try {
                    if (parts.length >= 3 && Long.parseLong(parts[2]) < cutoff) {
                        stale.add(name);
                    }
                } catch (NumberFormatException ignored) {
                    // not one of ours
                }
            }
        }
        for (String name : stale) {
            try {
                s.execute("DROP DATABASE IF EXISTS " + name);
            } catch (SQLException e) {
                System.err.println("[gatehouse-it] could not drop stale database " + name + ": " + e.getMessage());
            }
        }
    }

    /** A free port none of the servers took yet. */
    private static int freePort(Set<String> taken) throws java.io.IOException {
        while (true) {
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                if (taken.add(String.valueOf(socket.getLocalPort()))) {
                    return socket.getLocalPort();
                }
            }
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

}
