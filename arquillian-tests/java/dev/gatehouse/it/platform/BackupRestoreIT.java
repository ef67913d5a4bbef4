package dev.gatehouse.it.platform;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.gatehouse.it.oauth2.authorize.AuthorizeClients;
import dev.gatehouse.it.oauth2.authorize.Authorizations;
import dev.gatehouse.it.oauth2.authorize.TestBrowser;
import dev.gatehouse.it.selfservice.ApiFlows;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.TcpRelay;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The backup and recovery drill of docs/operations.md: a {@code pg_dump} in custom format of the server's
 * database, restored with {@code pg_restore} into a fresh database, serves what was in it. The identity is deleted
 * from the running database after the dump, so only the restored copy knows it. The running server is then moved
 * onto the restored database the way an operator recovers in place: the connections are cut (the relay in front of
 * PostgreSQL goes down), the damaged database is renamed aside and the restored one takes its name. With the same
 * configuration (the key-encryption key and the HMAC key in the restored rows), the identity signs in with its
 * password, its access token introspects active and its refresh token is redeemed. Afterwards the original database
 * is put back.
 */
@ExtendWith(ItServerReady.class)
class BackupRestoreIT {

    private static final Pattern DIRECT_URL = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+).*");
    private static final String PASSWORD = "restore-drill-Pa55word!";

    private AuthorizeClients.Client client;

    @Test
    void restoreWhenDumpRestoredIntoFreshDatabaseThenIdentitySignsInAndTokensStillWork() throws Exception {
        ItServer server = ItServer.get();
        assumeTrue(server.usesPostgres(), "needs PostgreSQL (pg_dump and pg_restore)");
        Matcher url = DIRECT_URL.matcher(server.jdbcUrl());
        assertTrue(url.matches(), server.jdbcUrl());
        Database live = new Database(url.group(1), url.group(2), url.group(3), server.jdbcUser(), server.jdbcPassword());

        String email = "restore-" + UUID.randomUUID() + "@example.test";
        Http.Response registered = ApiFlows.register("", email, PASSWORD);
        assertEquals(200, registered.status(), registered.toString());
        String identity = registered.jsonObject().getJsonObject("identity").getString("id");
        OIDCTokens tokens = offlineTokens(identity);

        Path dump = Files.createTempFile("gatehouse-backup-", ".dump");
        String restoredName = live.name + "_restored";
        try {
            live.run("pg_dump", "--format=custom", "--no-owner", "--file=" + dump, live.name);
            assertEquals(204, Http.method("DELETE", "/admin/identities/" + identity).admin().send().status());
            assertEquals(400, ApiFlows.login("", email, PASSWORD).status(), "the running database no longer has the identity");

            live.sql("CREATE DATABASE " + restoredName);
            live.run("pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + restoredName, dump.toString());
            live.swap(server.databaseRelay(), restoredName);
            try {
                server.awaitReady(Duration.ofSeconds(30));

                Http.Response signedIn = ApiFlows.login("", email, PASSWORD);
                assertEquals(200, signedIn.status(), signedIn.toString());
                assertEquals(identity, signedIn.jsonObject().getJsonObject("session").getJsonObject("identity").getString("id"));

                JsonObject introspected = introspect(tokens.getAccessToken().getValue());
                assertTrue(introspected.getBoolean("active"), introspected.toString());
                assertEquals(identity, introspected.getString("sub"));

                Http.Response refreshed = Http.post("/oauth2/token").body("application/x-www-form-urlencoded",
                        ("grant_type=refresh_token&client_id=" + enc(client.id()) + "&refresh_token="
                                + enc(tokens.getRefreshToken().getValue())).getBytes(StandardCharsets.UTF_8)).send();
                assertEquals(200, refreshed.status(), refreshed.toString());
                assertTrue(refreshed.jsonObject().getString("refresh_token").startsWith("ory_rt_"), refreshed.toString());
            } finally {
                live.swap(server.databaseRelay(), restoredName);
                server.awaitReady(Duration.ofSeconds(30));
            }
        } finally {
            live.sql("DROP DATABASE IF EXISTS " + restoredName + " WITH (FORCE)");
            Files.deleteIfExists(dump);
        }
    }

    /** An access and a refresh token for {@code subject}, from a public client's authorization code. */
    private OIDCTokens offlineTokens(String subject) {
        client = AuthorizeClients.publicClient().skipConsent().create();
        TestBrowser browser = new TestBrowser();
        Authorizations.Started started = Authorizations.request(client, b -> b.scope(new Scope("openid", "offline_access")));
        String afterLogin = Authorizations.acceptLogin(Authorizations.loginChallenge(browser, started), "{\"subject\":\"" + subject + "\"}");
        return Authorizations.redeemed(client, started, Authorizations.location(browser.get(afterLogin)));
    }

    private static JsonObject introspect(String token) {
        Http.Response r = Http.post("/admin/oauth2/introspect").admin()
                .body("application/x-www-form-urlencoded", ("token=" + enc(token)).getBytes(StandardCharsets.UTF_8)).send();
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The server's PostgreSQL database, and what an operator does to it with PostgreSQL's own tools. */
    private record Database(String host, String port, String name, String user, String password) {

        void run(String tool, String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(tool, "--host=" + host, "--port=" + port, "--username=" + user));
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("PGPASSWORD", password == null ? "" : password);
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), tool + " did not finish");
            assertEquals(0, p.exitValue(), tool + ": " + output);
        }

        void sql(String statement) throws SQLException {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user, password);
                 Statement s = c.createStatement()) {
                s.execute(statement);
            }
        }

        /**
         * Exchanges the running database and {@code other}: the relay goes down (every connection of the server
         * with it), what is left connected to either is ended, the two trade names, and the relay comes back.
         */
        void swap(TcpRelay relay, String other) throws SQLException, IOException {
            relay.stop();
            try {
                sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname IN ('" + name + "', '" + other + "')"
                        + " AND pid <> pg_backend_pid()");
                sql("ALTER DATABASE " + name + " RENAME TO " + name + "_aside");
                sql("ALTER DATABASE " + other + " RENAME TO " + name);
                sql("ALTER DATABASE " + name + "_aside RENAME TO " + other);
            } finally {
                relay.start();
            }
        }
    }
}
