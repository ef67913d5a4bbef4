package dev.gatehouse.it.platform;

import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An invalid configuration value stops the application at start-up with one clear line naming the key.
 * Starts a second, short-lived server outside demo mode with {@code GATEHOUSE_HTTP_MAX_REQUEST_BYTES=abc} and
 * no public base URL: two lines, one per key.
 */
class InvalidConfigurationIT {

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void startWhenConfigValueInvalidOrBaseUrlMissingThenApplicationDoesNotStartAndOneLineNamesEachKey() throws Exception {
        Path wlp = Path.of(System.getProperty("gatehouse.it.wlp.home"));
        ItServerProcess server = new ItServerProcess(wlp, "gatehouse-badconfig");
        Path config = Path.of("target", "badconfig-config");
        ItServerProcess.deleteTree(config);
        ItServerProcess.copyTree(Path.of("liberty"), config);
        int port = freePort();
        Files.createDirectories(config.resolve("configDropins/overrides"));
        Files.writeString(config.resolve("configDropins/overrides/ports.xml"), "<server>"
                + "<variable name=\"http.port\" value=\"" + port + "\"/>"
                + "<variable name=\"https.port\" value=\"" + freePort() + "\"/></server>");
        Path jdbc = ItServer.get().serverDir().resolve("lib").resolve("jdbc");
        server.create(config, Path.of("target", "gatehouse.war"), List.of(jdbc.resolve("postgresql.jar"), jdbc.resolve("h2.jar")));
        try {
            server.launch(Map.of("GATEHOUSE_HTTP_MAX_REQUEST_BYTES", "abc"));
            Path log = server.serverDir().resolve("logs/messages.log");
            String text = "";
            for (int i = 0; i < 240 && !(text.contains("CNTR0190E") || text.contains("CWWKZ0001I")); i++) {
                Thread.sleep(500);
                text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            }

            List<String> lines = text.lines()
                    .filter(l -> l.contains("\"module\":\"dev.gatehouse.platform.StartupCheck\"")).toList();
            assertEquals(2, lines.size(), "one line per key from Gatehouse: " + lines);
            assertTrue(lines.stream().anyMatch(l -> l.contains("Invalid configuration: gatehouse.http.max-request-bytes (environment "
                    + "GATEHOUSE_HTTP_MAX_REQUEST_BYTES) = \\\"abc\\\": must be a positive whole number")), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.contains("Invalid configuration: gatehouse.public.base-url (environment "
                    + "GATEHOUSE_PUBLIC_BASE_URL): is required outside demo mode")), lines.toString());
            assertFalse(text.contains("CWWKZ0001I: Application gatehouse started"), "the application must not start");
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/version")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, r.statusCode(), "nothing of Gatehouse is served");
        } finally {
            server.stop();
        }
    }
}
