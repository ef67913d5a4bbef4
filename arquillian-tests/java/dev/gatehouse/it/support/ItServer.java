package dev.gatehouse.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * The integration-test server as the tests see it: its base URL, admin key and database, read from the
 * file {@link ItServerControl} wrote. With PostgreSQL, the server started with its database unreachable
 * (the relay was down); the first test to ask for the server records what readiness said then, opens the
 * relay, and waits until the server reports ready.
 */
public final class ItServer {

    private static ItServer instance;

    private final Properties settings;
    private final TcpRelay relay;
    private String readinessBeforeDatabase;

    private ItServer(Properties settings) {
        this.settings = settings;
        String relayPort = settings.getProperty("db.relay.port");
        if (relayPort != null) {
            String[] target = settings.getProperty("db.relay.target").split(":");
            relay = new TcpRelay(Integer.parseInt(relayPort), target[0], Integer.parseInt(target[1]));
        } else {
            relay = null;
        }
    }

    public static synchronized ItServer get() {
        if (instance == null) {
            Path file = Path.of(System.getProperty("gatehouse.it.settings", "target/it-server-1.properties"));
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("integration-test settings missing; run through mvn verify", e);
            }
            // Arquillian's configuration (arquillian.xml) names this fork's server and port through these
            System.setProperty("gatehouse.it.server.name", p.getProperty("server.name"));
            System.setProperty("gatehouse.it.http.port", p.getProperty("http.port"));
            ItServer server = new ItServer(p);
            server.bringUp();
            instance = server;
        }
        return instance;
    }

    private void bringUp() {
        if (relay != null) {
            readinessBeforeDatabase = readinessBody();
            try {
                relay.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        awaitReady(Duration.ofSeconds(90));
    }

    /** Polls /health/ready until it answers 200. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (readinessStatus() == 200) {
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException("server not ready after " + timeout + ": " + readinessBody());
    }

    public int readinessStatus() {
        return readiness().statusCode();
    }

    public String readinessBody() {
        return readiness().body();
    }

    private HttpResponse<String> readiness() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/health/ready"))
                    .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The public base URL the server is configured with ({@code gatehouse.public.base-url}), e.g. {@code http://localhost:1234}. */
    public String baseUrl() {
        return settings.getProperty("base.url");
    }

    /** An address the server trusts as a proxy ({@code gatehouse.http.trusted-proxies}); connect from it with {@link RawHttp#from}. */
    public String trustedProxy() {
        return settings.getProperty("trusted.proxy");
    }

    public URI uri(String path) {
        return URI.create(settings.getProperty("base.url") + path);
    }

    /** The HTTPS port (HTTPS_PORT); its certificate is the one Liberty generated, see {@link #serverDir()}. */
    public int httpsPort() {
        return Integer.parseInt(settings.getProperty("https.port"));
    }

    /** The directory the gateway reads rule files from; tests write and remove their own files there. */
    public Path gatewayRulesDir() {
        return Path.of(settings.getProperty("gateway.rules.dir"));
    }

    /** The gateway's reverse-proxy port. */
    public int gatewayProxyPort() {
        return Integer.parseInt(settings.getProperty("gateway.proxy.port"));
    }

    /** The user and password Prometheus scrapes {@code /metrics} with (HTTPS, HTTP Basic). */
    public String[] metricsCredentials() {
        return new String[] {settings.getProperty("metrics.user"), settings.getProperty("metrics.password")};
    }

    /** The port the server sends its spans to (OTLP over HTTP); {@link OtlpReceiver} listens there. */
    public int otlpPort() {
        return Integer.parseInt(settings.getProperty("otlp.port"));
    }

    public String adminKey() {
        return settings.getProperty("admin.key");
    }

    /** The port the server sends mail to; the courier tests run GreenMail there. */
    public int smtpPort() {
        return Integer.parseInt(settings.getProperty("smtp.port"));
    }

    /** The port of the SMS gateway URL the server is configured with; the SMS tests run an HTTP server there. */
    public int smsPort() {
        return Integer.parseInt(settings.getProperty("sms.port"));
    }

    /** The jsonnet file of the SMS gateway's request body (read by the server for every message). */
    public Path smsBodyFile() {
        return Path.of(settings.getProperty("sms.body.file"));
    }

    /** What {@link #smsBodyFile()} held when the server started. */
    public String smsBodyDefault() {
        return settings.getProperty("sms.body.default");
    }

    /** The API key the server sends to the SMS gateway (header {@code X-Api-Key}). */
    public String smsApiKey() {
        return settings.getProperty("sms.api.key");
    }

    /** The size of the server's database connection pool ({@code gatehouse.db.pool.max}). */
    public int poolMax() {
        return Integer.parseInt(settings.getProperty("db.pool.max"));
    }

    public boolean usesPostgres() {
        return "postgresql".equals(settings.getProperty("db.kind"));
    }

    /** JDBC URL of the server's database, straight (not through the relay). */
    public String jdbcUrl() {
        return settings.getProperty("db.direct.url");
    }

    public String jdbcUser() {
        return settings.getProperty("db.user");
    }

    public String jdbcPassword() {
        return settings.getProperty("db.password");
    }

    /** Where the audit log's retention job archives the rows it deletes ({@code gatehouse.audit.archive-dir}). */
    public Path auditArchiveDir() {
        return Path.of(settings.getProperty("audit.archive.dir"));
    }

    /** Where saved audit searches are defined in jsonnet files ({@code gatehouse.audit.searches-dir}). */
    public Path auditSearchesDir() {
        return Path.of(settings.getProperty("audit.searches.dir"));
    }

    /** The Liberty server's name; servers a test starts beside it take it as a prefix. */
    public String serverName() {
        return settings.getProperty("server.name");
    }

    public Path serverDir() {
        return Path.of(settings.getProperty("server.dir"));
    }

    public Path messagesLog() {
        return serverDir().resolve("logs").resolve("messages.log");
    }

    /** What /health/ready answered while the database was still unreachable (null without the relay). */
    public String readinessBeforeDatabase() {
        return readinessBeforeDatabase;
    }

    /** The relay between server and PostgreSQL (null on the embedded database). */
    public TcpRelay databaseRelay() {
        return relay;
    }

    /** Waits {@code ms} between two polls (interrupted: fails the caller). */
    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
